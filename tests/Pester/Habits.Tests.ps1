# What a PowerShell user does without thinking: CSV files with empty cells, keys from variables,
# bare commands, folders passed as images, a journal given once at the start of the pipeline.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-ShortApiModule
}

Describe 'CSV rows' {
    BeforeAll {
        $emulator = Start-ShortApiEmulator -JobSeconds 0.5
        $stills = New-StillFolder -Name 'csv'
    }

    AfterAll {
        Stop-ShortApiEmulator
    }

    It 'an empty Resolution, Duration or AspectRatio cell means the model''s default, never duration 0' {
        $csv = Join-Path $TestDrive 'shots.csv'
        @(
            [pscustomobject]@{ Image = (Join-Path $stills 'forest.png'); Prompt = 'mist rises'; Resolution = ''; Duration = ''; AspectRatio = '' }
            [pscustomobject]@{ Image = (Join-Path $stills 'harbor.png'); Prompt = 'boats rock'; Resolution = '1080p'; Duration = ' '; AspectRatio = '9:16' }
        ) | Export-Csv -LiteralPath $csv -NoTypeInformation

        $jobs = @(Import-Csv -LiteralPath $csv | New-ShortApiVideoJob -Model pixverse-5.5 -ErrorVariable rowErrors)

        $rowErrors.Count | Should -Be 0
        $jobs.Count | Should -Be 2
        $jobs[0].Arguments.Keys | Should -Not -Contain 'duration'
        @($jobs | Where-Object { $_.Arguments['resolution'] -eq '1080p' }).Count | Should -Be 1
    }

    It 'an error for one row names that row''s image in its text, so a long batch says which one failed' {
        $csv = Join-Path $TestDrive 'bad.csv'
        @(
            [pscustomobject]@{ Image = (Join-Path $stills 'forest.png'); Prompt = 'mist'; Duration = '5' }
            [pscustomobject]@{ Image = (Join-Path $stills 'harbor.png'); Prompt = 'boats'; Duration = '99' }
        ) | Export-Csv -LiteralPath $csv -NoTypeInformation

        $jobs = @(Import-Csv -LiteralPath $csv | New-ShortApiVideoJob -Model pixverse-5.5 -ErrorVariable rowErrors -ErrorAction SilentlyContinue)

        $jobs.Count | Should -Be 1
        $rowErrors.Count | Should -Be 1
        "$($rowErrors[0])" | Should -BeLike 'harbor.png:*'
        "$($rowErrors[0])" | Should -BeLike '*-Duration*99*'
        "$($rowErrors[0])" | Should -Not -BeLike '*sent as text*'
    }
}

Describe 'Bare commands and odd inputs' {
    BeforeAll {
        $emulator = Start-ShortApiEmulator -JobSeconds 0.5
        $stills = New-StillFolder -Name 'odd'
    }

    AfterAll {
        Stop-ShortApiEmulator
    }

    It 'Get-ShortApiJob with nothing to get says what to pass instead of prompting' {
        $result = Invoke-Isolated -ScriptBlock { Get-ShortApiJob }

        $result.Failure | Should -BeNullOrEmpty
        $result.Error.Count | Should -Be 1
        "$($result.Error[0])" | Should -BeLike '*give job ids*-JournalPath*'
    }

    It 'Wait-ShortApiJob with nothing to wait for warns' {
        $result = Invoke-Isolated -ScriptBlock { Wait-ShortApiJob }

        $result.Failure | Should -BeNullOrEmpty
        $result.Warning.Count | Should -Be 1
        "$($result.Warning[0])" | Should -BeLike '*nothing to wait for*'
    }

    It 'a folder passed as an image says it is a folder and how to pass its files' {
        New-ShortApiVideoJob -Model vidu-q3 -Prompt 'pan' -Image $stills -ErrorVariable folderErrors -ErrorAction SilentlyContinue

        $folderErrors.Count | Should -Be 1
        "$($folderErrors[0])" | Should -BeLike '*is a folder*'
        "$($folderErrors[0])" | Should -BeLike '*Get-ChildItem*'
    }

    It 'Get-ShortApiJob with a bare id shows the model and source a journal of this session knows' {
        $journal = Join-Path $TestDrive 'known.jsonl'
        $job = New-ShortApiVideoJob -Model vidu-q3 -Prompt 'pan' -Image (Join-Path $stills 'forest.png') -JournalPath $journal

        $again = Get-ShortApiJob $job.JobId

        $again.Model | Should -Be $job.Model
        $again.Source | Should -Be $job.Source
    }

    It 'an id that cannot be one is an error for that id, and the other ids are still answered' {
        $job = New-ShortApiVideoJob -Model vidu-q3 -Prompt 'pan' -Image (Join-Path $stills 'harbor.png')

        $got = @($job.JobId, "bad`tid" | Get-ShortApiJob -ErrorVariable idErrors -ErrorAction SilentlyContinue)
        $waited = @($job.JobId, "bad`tid" | Wait-ShortApiJob -ErrorVariable waitErrors -ErrorAction SilentlyContinue)

        $got.JobId | Should -Be $job.JobId
        $idErrors.Count | Should -Be 1
        $waited.JobId | Should -Be $job.JobId
        $waitErrors.Count | Should -Be 1
        $waitErrors[0].FullyQualifiedErrorId | Should -BeLike 'ShortApi.InvalidArgument*'
    }

    It '-ApiKey takes a key as plain text, converts it, and never echoes it' {
        $key = 'sk-plain-text-4711'
        $result = Invoke-Isolated -ArgumentList $emulator.BaseAddress.AbsoluteUri, $key -ScriptBlock {
            param($endpoint, $key)
            Connect-ShortApi -ApiKey $key -Endpoint $endpoint -PassThru -Verbose
        }

        $result.Failure | Should -BeNullOrEmpty
        $result.Error.Count | Should -Be 0
        ($result.Output + $result.Verbose + $result.Warning | ConvertTo-SearchableText) -join "`n" | Should -Not -BeLike "*$key*"
    }
}

Describe 'A journal given once, at the start of the pipeline' {
    BeforeAll {
        $emulator = Start-ShortApiEmulator -JobSeconds 0.5
        $stills = New-StillFolder -Name 'journal-once'
        $journal = Join-Path $TestDrive 'once.jsonl'
        $videos = Join-Path $TestDrive 'videos'

        $jobs = @(Get-ChildItem -Path (Join-Path $stills '*.png') |
            New-ShortApiVideoJob -Model vidu-q3 -Prompt 'pan' -JournalPath $journal |
            Wait-ShortApiJob -OutputDirectory $videos)
        $records = @(Get-Content -LiteralPath $journal | ForEach-Object { $_ | ConvertFrom-Json })
    }

    AfterAll {
        Stop-ShortApiEmulator
    }

    It 'Wait records each job''s final state in the journal New was given' {
        @($records | Where-Object type -eq 'final').Count | Should -Be 3
    }

    It 'Wait records the saved files in it too' {
        $saved = @($records | Where-Object type -eq 'saved')
        $saved.Count | Should -Be 3
        @($saved.files | ForEach-Object { Split-Path $_ -Leaf } | Sort-Object) | Should -Be @($jobs.OutputFiles | ForEach-Object { Split-Path $_ -Leaf } | Sort-Object)
    }

    It 'so a re-run finds every job finished and asks the service nothing' {
        $queriesBefore = $emulator.Stats.QueryRequests

        @(Get-ChildItem -Path (Join-Path $stills '*.png') |
            New-ShortApiVideoJob -Model vidu-q3 -Prompt 'pan' -JournalPath $journal -WarningAction SilentlyContinue |
            Wait-ShortApiJob -OutputDirectory $videos).Count | Should -Be 3

        $emulator.Stats.QueryRequests | Should -Be $queriesBefore
    }
}
