# Every example of every cmdlet's help runs as written against the emulator.
# Each example gets a fresh emulator and its own folder (holding a copy of samples/), and runs in
# a runspace of its own with no host, so an example that would prompt fails instead of hanging.

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
        Stop-ShortApiEmulator
        Start-ShortApiEmulator -JobSeconds 1 | Out-Null
        $folder = Join-Path $TestDrive ('{0}-{1}' -f $Command, $Number)
        New-Item -ItemType Directory -Path $folder | Out-Null
        Copy-Item -LiteralPath $script:SamplesFolder -Destination (Join-Path $folder 'samples') -Recurse

        $run = Invoke-Isolated -ArgumentList $folder, $Code -ScriptBlock {
            param($folder, $code)
            Set-Location -LiteralPath $folder
            . ([scriptblock]::Create($code))
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
