# Every example of every cmdlet's help runs as written against the emulator, the way
# docs/help/README.md tells a reader to run them: in an empty folder outside this repository, after
# Start-ShortApiEmulator -SamplePath ./samples. Nothing of the checkout is copied in, and the
# process's own working folder moves there too, so an example that leans on the repository (its
# samples/, a path relative to it) fails here. Each example runs in a runspace of its own with no
# host, so an example that would prompt fails instead of hanging.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-ShortApiModule
    $examples = foreach ($command in Get-Command -Module ShortApi | Sort-Object Name) {
        $number = 0
        foreach ($example in (Get-Help $command.Name).examples.example) {
            $number++
            @{ Command = $command.Name; Number = $number; Title = ($example.title -replace '^-+\s*|\s*-+$', ''); Code = $example.code }
        }
    }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-ShortApiModule
}

AfterAll {
    Stop-ShortApiEmulator
}

Describe 'The help examples' {
    It '<Command>, <Title>' -ForEach $examples {
        $folder = Join-Path $TestDrive ('{0}-{1}' -f $Command, $Number)
        New-Item -ItemType Directory -Path $folder | Out-Null
        $folder | Should -Not -BeLike "$RepoRoot*" -Because 'the examples must run outside a checkout of the repository'

        # The documented set-up: an emulator, and its sample stills in ./samples.
        Stop-ShortApiEmulator
        Start-ShortApiEmulator -JobSeconds 1 -SamplePath (Join-Path $folder 'samples') | Out-Null

        $processFolder = [Environment]::CurrentDirectory
        [Environment]::CurrentDirectory = $folder
        try {
            $run = Invoke-Isolated -ArgumentList $folder, $Code -ScriptBlock {
                param($folder, $code)
                Set-Location -LiteralPath $folder
                . ([scriptblock]::Create($code))
            }
        }
        finally {
            [Environment]::CurrentDirectory = $processFolder
        }

        # Running as written: nothing failed to parse, bind or resolve. Errors an example shows on
        # purpose (a budget stop, a failed job, a timeout) are the module's own, with ShortApi ids.
        $unexpected = @($run.Error | Where-Object { $_.FullyQualifiedErrorId -notlike 'ShortApi.*' } | ForEach-Object { "$($_.FullyQualifiedErrorId): $_" })
        $unexpected | Should -BeNullOrEmpty
        if ($null -ne $run.Failure) {
            $record = $run.Failure.ErrorRecord
            "$($record.FullyQualifiedErrorId)" | Should -BeLike 'ShortApi.*' -Because "the example stopped with: $($run.Failure.Message)"
        }
    }
}

Describe 'What the help examples do' {
    It 'no example creates a paid job just to look something up (New-ShortApiVideoJob piped into Get-ShortApiModel)' -ForEach @(@{ All = $examples }) {
        $lookups = @($All | Where-Object { $_.Code -match 'New-ShortApiVideoJob[^\r\n]*\|\s*Get-ShortApiModel' } | ForEach-Object { "$($_.Command) example $($_.Number)" })
        $All.Count | Should -BeGreaterThan 0
        $lookups | Should -BeNullOrEmpty -Because 'a lookup should cost nothing: pipe Measure-ShortApiVideoJob, whose estimates carry the model, instead'
    }
}
