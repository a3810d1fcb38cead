# -JournalPath: a re-run submits only what is not there yet, and a killed run can be picked up again.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-ShortApiModule
}

Describe 'Resuming a batch from its journal' {
    BeforeAll {
        $emulator = Start-ShortApiEmulator -JobSeconds 1
        $stills = New-StillFolder -Name 'journaled'
        $journal = Join-Path $TestDrive 'jobs.jsonl'
        $resumeVerbose = New-Object System.Collections.ArrayList

        $first = @(Get-ChildItem -Path (Join-Path $stills '*.png') | New-ShortApiVideoJob -Model vidu-q3 -Prompt 'a slow pan' -JournalPath $journal)
        $createdAfterFirst = $emulator.Stats.JobsCreated
        $second = @(Get-ChildItem -Path (Join-Path $stills '*.png') |
            New-ShortApiVideoJob -Model vidu-q3 -Prompt 'a slow pan' -JournalPath $journal -WarningVariable resumeWarnings -WarningAction SilentlyContinue -Verbose 4>&1 |
            Where-Object { if ($_ -is [System.Management.Automation.VerboseRecord]) { $resumeVerbose.Add($_) | Out-Null; $false } else { $true } })
        $createdAfterSecond = $emulator.Stats.JobsCreated
    }

    AfterAll {
        Stop-ShortApiEmulator
    }

    It 'the first run creates a job per image and writes the journal' {
        $first.Count | Should -Be 3
        $createdAfterFirst | Should -Be 3
        $journal | Should -Exist
    }

    It 'running the same batch again with the same journal creates nothing' {
        $createdAfterSecond | Should -Be $createdAfterFirst
    }

    It 'warns once with the count, however many inputs the journal already has' {
        $resumeWarnings.Count | Should -Be 1
        $resumeWarnings[0].Message | Should -BeLike '3 input(s) were already submitted*'
        $resumeWarnings[0].Message | Should -BeLike "*$journal*"
    }

    It 'names each input and the job it already has at -Verbose' {
        foreach ($job in $first) {
            $matching = @($resumeVerbose | Where-Object { $_.Message -like "*$($job.JobId)*" })
            $matching.Count | Should -Be 1
            $matching[0].Message | Should -BeLike "*$([System.IO.Path]::GetFileName($job.Source))*"
        }
    }

    It 'still emits the existing jobs, so New | Wait | Save carries the whole batch' {
        $second.Count | Should -Be 3
        @($second | ForEach-Object { $_.JobId } | Sort-Object) | Should -Be @($first | ForEach-Object { $_.JobId } | Sort-Object)
    }

    It 'Get-ShortApiJob -JournalPath lists the journal''s jobs' {
        # In a runspace without a host: if the command wanted to prompt for a parameter, it fails here instead of hanging.
        $result = Invoke-Isolated -ArgumentList $journal -ScriptBlock {
            param($journal)
            Get-ShortApiJob -JournalPath $journal
        }

        @($result.Error | ForEach-Object { $_.ToString() }) | Should -BeNullOrEmpty
        $result.Failure | Should -BeNullOrEmpty
        @($result.Output | ForEach-Object { $_.JobId } | Sort-Object) | Should -Be @($first | ForEach-Object { $_.JobId } | Sort-Object)
    }

    It 'Get-ShortApiJob -JournalPath -Offline lists them without asking the service' {
        $queriesBefore = $emulator.Stats.QueryRequests
        $listed = @(Get-ShortApiJob -JournalPath $journal -Offline)

        @($listed | ForEach-Object { $_.JobId } | Sort-Object) | Should -Be @($first | ForEach-Object { $_.JobId } | Sort-Object)
        $emulator.Stats.QueryRequests | Should -Be $queriesBefore
    }

    It 'Wait-ShortApiJob -JournalPath -OutputDirectory picks the jobs up and downloads them' {
        $out = Join-Path $TestDrive 'resumed'
        $done = @(Wait-ShortApiJob -JournalPath $journal -OutputDirectory $out)

        @($done | ForEach-Object { $_.JobId } | Sort-Object) | Should -Be @($first | ForEach-Object { $_.JobId } | Sort-Object)
        foreach ($job in $done) {
            $job.Status | Should -Be 'Succeeded'
            $job.OutputFiles.Count | Should -Be 1
            $job.OutputFiles[0] | Should -Exist
        }

        @(Get-ChildItem -LiteralPath $out -Force).Count | Should -Be 3
        $emulator.Stats.JobsCreated | Should -Be $createdAfterFirst
    }
}
