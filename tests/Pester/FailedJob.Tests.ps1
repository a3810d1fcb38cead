# A job the service fails: reported, refunded, and the rest of the pipeline goes on.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-ShortApiModule
}

Describe 'A failed job' {
    BeforeAll {
        $emulator = Start-ShortApiEmulator -JobSeconds 1 -FailureRate 1
        $stills = New-StillFolder -Name 'failing'
        $jobs = @(Get-ChildItem -Path (Join-Path $stills '*.png') |
            New-ShortApiVideoJob -Model vidu-q3 -Prompt 'a slow pan' |
            Wait-ShortApiJob -ErrorVariable waitErrors -ErrorAction SilentlyContinue)
    }

    AfterAll {
        Stop-ShortApiEmulator
    }

    It 'Wait-ShortApiJob emits the job with Status Failed and Refunded True' {
        $jobs.Count | Should -Be 3
        foreach ($job in $jobs) {
            $job.Status | Should -Be 'Failed'
            $job.Refunded | Should -BeTrue
            $job.Error | Should -Not -BeNullOrEmpty
            $job.Cost | Should -Be 0
        }
    }

    It 'writes one non-terminating ShortApi.JobFailed error per failed job, with the job as TargetObject' {
        $waitErrors.Count | Should -Be 3
        foreach ($failure in $waitErrors) {
            $failure.FullyQualifiedErrorId | Should -BeLike 'ShortApi.JobFailed*'
            $failure.TargetObject | Should -BeOfType ([ShortApi.VideoJob])
            $failure.Exception.Message | Should -BeLike "*$($failure.TargetObject.JobId)*"
        }
    }

    It 'Save-ShortApiJobOutput saves nothing for a failed job and says why' {
        $out = Join-Path $TestDrive 'nothing'
        $files = @($jobs | Save-ShortApiJobOutput -Path $out -ErrorVariable saveErrors -ErrorAction SilentlyContinue)

        $files.Count | Should -Be 0
        $saveErrors.Count | Should -Be 3
        $saveErrors[0].FullyQualifiedErrorId | Should -BeLike 'ShortApi.DownloadFailed*'
        $saveErrors[0].Exception.Message | Should -BeLike '*Failed*'
    }
}
