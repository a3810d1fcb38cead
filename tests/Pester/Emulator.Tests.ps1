# Start-ShortApiEmulator / Stop-ShortApiEmulator: a local server, one per session, on loopback only.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-ShortApiModule
}

Describe 'Start-ShortApiEmulator' {
    BeforeAll {
        $emulator = Start-ShortApiEmulator -JobSeconds 1
    }

    AfterAll {
        Stop-ShortApiEmulator
    }

    It 'listens on 127.0.0.1 only' {
        $emulator.IsRunning | Should -BeTrue
        $emulator.BaseAddress.Host | Should -Be '127.0.0.1'
        $emulator.BaseAddress.Scheme | Should -Be 'http'
    }

    It 'refuses to start a second emulator with ShortApi.EmulatorRunning' {
        { Start-ShortApiEmulator -JobSeconds 1 } | Should -Throw -ErrorId 'ShortApi.EmulatorRunning,*'
        $emulator.IsRunning | Should -BeTrue
    }

    It 'connects the session to itself, so commands work with no key' {
        $job = New-ShortApiVideoJob -Model vidu-q3 -Prompt 'a slow pan' -Image (Join-Path $SamplesFolder 'forest.png')
        $job.Endpoint | Should -BeLike "$($emulator.BaseAddress.Scheme)://127.0.0.1:$($emulator.Port)*"
        $emulator.Stats.JobsCreated | Should -Be 1
    }

    It 'Stop-ShortApiEmulator stops it, and a new one can start' {
        Stop-ShortApiEmulator
        $emulator.IsRunning | Should -BeFalse

        $emulator = Start-ShortApiEmulator -JobSeconds 1
        $emulator.IsRunning | Should -BeTrue
    }
}

Describe 'Start-ShortApiEmulator -SamplePath' {
    BeforeEach {
        Stop-ShortApiEmulator
    }

    AfterAll {
        Stop-ShortApiEmulator
    }

    It 'writes its sample stills into a folder relative to the current location, ready to submit' {
        $place = Join-Path $TestDrive 'trial'
        New-Item -ItemType Directory -Path $place | Out-Null
        Push-Location -LiteralPath $place
        try {
            $null = Start-ShortApiEmulator -JobSeconds 1 -SamplePath ./samples
            $jobs = @(Get-ChildItem ./samples/*.png | New-ShortApiVideoJob -Model vidu-q3 -Mode turbo -Prompt 'a slow pan')
        }
        finally {
            Pop-Location
        }

        @(Get-ChildItem -LiteralPath (Join-Path $place 'samples') -Name | Sort-Object) | Should -Be @('forest.png', 'harbor.png', 'sunrise.png')
        $jobs.Count | Should -Be 3
    }

    It 'keeps a still of the same name that is already there' {
        $folder = Join-Path $TestDrive 'own'
        New-Item -ItemType Directory -Path $folder | Out-Null
        Set-Content -LiteralPath (Join-Path $folder 'forest.png') -Value 'mine'

        $null = Start-ShortApiEmulator -JobSeconds 1 -SamplePath $folder

        (Get-Content -LiteralPath (Join-Path $folder 'forest.png') -Raw).Trim() | Should -Be 'mine'
        Join-Path $folder 'harbor.png' | Should -Exist
    }

    It 'fails with ShortApi.SampleStillsNotWritten, and starts nothing, when the folder cannot be made' {
        $blocker = Join-Path $TestDrive 'a-file'
        Set-Content -LiteralPath $blocker -Value 'not a folder'

        { Start-ShortApiEmulator -SamplePath (Join-Path $blocker 'samples') } | Should -Throw -ErrorId 'ShortApi.SampleStillsNotWritten,*'
        # Nothing is running: a new emulator starts without ShortApi.EmulatorRunning.
        { Start-ShortApiEmulator -JobSeconds 1 } | Should -Not -Throw
    }
}
