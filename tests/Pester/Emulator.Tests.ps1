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
