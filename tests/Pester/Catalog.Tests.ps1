# The interactive side: the catalog (Get-ShortApiModel) and tab completion from it.
# Nothing here calls the API, so no emulator is started.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-ShortApiModule

    function Get-Completion {
        # What Tab offers at the end of the line, as a user would see it.
        param([string] $Line)
        @((TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches | ForEach-Object { $_.CompletionText })
    }

    $ShortNames = @('poppy-v1.0', 'happyhorse-1.0', 'pixverse-5.5', 'kling-o1', 'vidu-q3')
}

Describe 'Get-ShortApiModel' {
    It 'lists the 5 models' {
        $models = @(Get-ShortApiModel)
        $models.Count | Should -Be 5
        @($models | ForEach-Object { $_.ShortName } | Sort-Object) | Should -Be @($ShortNames | Sort-Object)
    }

    It 'Get-ShortApiModel vidu-q3 shows its parameters, allowed values and defaults' {
        $model = Get-ShortApiModel vidu-q3
        $model.Id | Should -Be 'vidu/vidu-q3/image-to-video'
        @($model.Parameters | ForEach-Object { $_.Name }) | Should -Be @('mode', 'prompt', 'duration', 'image', 'resolution')
        $resolution = $model.Parameters | Where-Object { $_.Name -eq 'resolution' }
        $resolution.Default | Should -Be '720p'
        $resolution.Allowed | Should -BeLike '*540p*1080p*'

        $list = $model | Format-List | Out-String -Width 200
        $list | Should -BeLike '*mode (string, required, default pro): pro, turbo*'
    }

    It 'takes wildcards: Get-ShortApiModel k*, *1.0' {
        @(Get-ShortApiModel 'k*' | ForEach-Object { $_.ShortName }) | Should -Be @('kling-o1')
        @(Get-ShortApiModel '*1.0' | ForEach-Object { $_.ShortName } | Sort-Object) | Should -Be @('happyhorse-1.0', 'poppy-v1.0')
        @(Get-ShortApiModel '*/image-to-video').Count | Should -Be 5
    }

    It 'writes ShortApi.UnknownModel for a name that matches nothing' {
        $models = @(Get-ShortApiModel 'no-such-model' -ErrorVariable failures -ErrorAction SilentlyContinue)
        $models.Count | Should -Be 0
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ShortApi.UnknownModel*'
    }
}

Describe 'Tab completion' {
    It 'New-ShortApiVideoJob -Model pixverse-5.5 -Resolution [Tab] offers exactly 540p, 720p, 1080p' {
        Get-Completion 'New-ShortApiVideoJob -Model pixverse-5.5 -Resolution ' | Should -Be @('540p', '720p', '1080p')
    }

    It 'New-ShortApiVideoJob -Model happyhorse-1.0 -Resolution [Tab] offers exactly 720P, 1080P' {
        Get-Completion 'New-ShortApiVideoJob -Model happyhorse-1.0 -Resolution ' | Should -BeExactly @('720P', '1080P')
    }

    It 'New-ShortApiVideoJob -Model [Tab] offers the short names first' {
        $offered = Get-Completion 'New-ShortApiVideoJob -Model '
        $offered.Count | Should -BeGreaterOrEqual 5
        $offered[0..4] | Should -Be $ShortNames
    }

    It 'New-ShortApiVideoJob -Model pix[Tab] completes to pixverse-5.5' {
        (Get-Completion 'New-ShortApiVideoJob -Model pix')[0] | Should -Be 'pixverse-5.5'
    }

    It 'New-ShortApiVideoJob -Model pixverse-5.5 -Duration [Tab] offers the model''s durations' {
        Get-Completion 'New-ShortApiVideoJob -Model pixverse-5.5 -Duration ' | Should -Be @('5', '8', '10')
    }

    It 'Get-ShortApiModel [Tab] offers the short names too' {
        $offered = Get-Completion 'Get-ShortApiModel '
        foreach ($name in $ShortNames) {
            $offered | Should -Contain $name
        }
    }
}
