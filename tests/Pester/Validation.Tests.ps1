# Nothing is sent that the model would reject, and -WhatIf sends nothing at all.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-ShortApiModule
}

Describe '-WhatIf' {
    BeforeAll {
        $emulator = Start-ShortApiEmulator -JobSeconds 1
        $stills = New-StillFolder -Name 'whatif'
    }

    AfterAll {
        Stop-ShortApiEmulator
    }

    It 'New-ShortApiVideoJob -WhatIf sends nothing and emits nothing' {
        $jobs = @(Get-ChildItem -Path (Join-Path $stills '*.png') | New-ShortApiVideoJob -Model pixverse-5.5 -Prompt 'waves' -Resolution 1080p -WhatIf)

        $jobs.Count | Should -Be 0
        $emulator.Stats.CreateRequests | Should -Be 0
        $emulator.Stats.JobsCreated | Should -Be 0
    }

    It 'says for each input what would be submitted: the input, the model, the settings and the estimated cost' {
        $text = Get-HostText {
            Get-ChildItem -Path (Join-Path $stills '*.png') | New-ShortApiVideoJob -Model pixverse-5.5 -Prompt 'waves' -Resolution 1080p -WhatIf
        }

        $lines = @($text -split "`r?`n" | Where-Object { $_ -like 'What if:*' })
        $lines.Count | Should -Be 3
        $forest = @($lines | Where-Object { $_ -like '*forest.png*' })
        $forest.Count | Should -Be 1
        $forest[0] | Should -BeLike '*pixverse-5.5*'
        $forest[0] | Should -BeLike '*resolution=1080p*'
        $forest[0] | Should -Match 'estimated cost 0\.34 USD'
        $emulator.Stats.CreateRequests | Should -Be 0
    }
}

Describe 'An invalid combination' {
    BeforeAll {
        $emulator = Start-ShortApiEmulator -JobSeconds 1
        $still = Join-Path $SamplesFolder 'forest.png'
        $base = $emulator.BaseAddress.AbsoluteUri
    }

    AfterAll {
        Stop-ShortApiEmulator
    }

    It 'pixverse-5.5 -Resolution 1080p -Duration 10 fails with ShortApi.InvalidArgument naming model, parameter and value' {
        $jobs = @(New-ShortApiVideoJob -Model pixverse-5.5 -Prompt 'waves' -Image $still -Resolution 1080p -Duration 10 -ErrorVariable failures -ErrorAction SilentlyContinue)

        $jobs.Count | Should -Be 0
        $failures.Count | Should -Be 1
        $failure = $failures[0]
        $failure.FullyQualifiedErrorId | Should -BeLike 'ShortApi.InvalidArgument*'
        $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failure.Exception.Message | Should -BeLike '*pixverse-5.5*'
        $failure.Exception.Message | Should -BeLike '*duration*'
        $failure.Exception.Message | Should -BeLike '*10*'
        $failure.Exception.Message | Should -BeLike '*1080p*'
        $failure.TargetObject | Should -Be $still
        $emulator.Stats.CreateRequests | Should -Be 0
    }

    It 'poppy-v1.0 -Resolution 720p (a parameter poppy does not have) fails with ShortApi.InvalidArgument' {
        $jobs = @(New-ShortApiVideoJob -Model poppy-v1.0 -Prompt 'waves' -Image $still -Resolution 720p -ErrorVariable failures -ErrorAction SilentlyContinue)

        $jobs.Count | Should -Be 0
        $failures.Count | Should -Be 1
        $failure = $failures[0]
        $failure.FullyQualifiedErrorId | Should -BeLike 'ShortApi.InvalidArgument*'
        $failure.Exception.Message | Should -BeLike '*poppy-v1.0*'
        $failure.Exception.Message | Should -BeLike '*resolution*'
        $failure.Exception.Message | Should -BeLike '*720p*'
        $emulator.Stats.CreateRequests | Should -Be 0
    }

    It 'kling-o1 with more than 7 images and elements together fails with ShortApi.InvalidArgument' {
        $references = 1..5 | ForEach-Object { '{0}refs/reference-{1}.png' -f $base, $_ }
        $elements = 1..2 | ForEach-Object { @{ frontal_image_url = ('{0}refs/element-{1}.png' -f $base, $_) } }
        $jobs = @(New-ShortApiVideoJob -Model kling-o1 -Prompt 'they meet' -Action refer -Image $still -Images $references -Element $elements -ErrorVariable failures -ErrorAction SilentlyContinue)

        $jobs.Count | Should -Be 0
        $failures.Count | Should -Be 1
        $failure = $failures[0]
        $failure.FullyQualifiedErrorId | Should -BeLike 'ShortApi.InvalidArgument*'
        $failure.Exception.Message | Should -BeLike '*kling-o1*'
        $failure.Exception.Message | Should -BeLike '*images*'
        $failure.Exception.Message | Should -BeLike '*elements*'
        $failure.Exception.Message | Should -BeLike '*8*'
        $failure.Exception.Message | Should -BeLike '*7*'
        $emulator.Stats.CreateRequests | Should -Be 0
    }

    It 'kling-o1 -Action frame -AspectRatio 1:1 (an aspect ratio frame ignores) fails with ShortApi.InvalidArgument' {
        $jobs = @(New-ShortApiVideoJob -Model kling-o1 -Prompt 'the sun rises' -Action frame -Image $still -AspectRatio 1:1 -ErrorVariable failures -ErrorAction SilentlyContinue)

        $jobs.Count | Should -Be 0
        $failures.Count | Should -Be 1
        $failure = $failures[0]
        $failure.FullyQualifiedErrorId | Should -BeLike 'ShortApi.InvalidArgument*'
        $failure.Exception.Message | Should -BeLike '*kling-o1*'
        $failure.Exception.Message | Should -BeLike '*aspect_ratio*'
        $failure.Exception.Message | Should -BeLike '*1:1*'
        $failure.Exception.Message | Should -BeLike '*refer*'
        $emulator.Stats.CreateRequests | Should -Be 0
    }

    It 'a valid kling-o1 refer job with 7 images and elements passes the same check (-WhatIf)' {
        $references = 1..4 | ForEach-Object { '{0}refs/reference-{1}.png' -f $base, $_ }
        $elements = 1..2 | ForEach-Object { @{ frontal_image_url = ('{0}refs/element-{1}.png' -f $base, $_) } }

        New-ShortApiVideoJob -Model kling-o1 -Prompt 'they meet' -Action refer -Image $still -Images $references -Element $elements -WhatIf -ErrorVariable failures
        $failures.Count | Should -Be 0
        $emulator.Stats.CreateRequests | Should -Be 0
    }
}
