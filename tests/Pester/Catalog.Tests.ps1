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

    It 'New-ShortApiVideoJob -Model pixverse-5.5 -Resolution 1080p -Duration [Tab] offers only 5 and 8' {
        Get-Completion 'New-ShortApiVideoJob -Model pixverse-5.5 -Resolution 1080p -Duration ' | Should -Be @('5', '8')
    }

    It 'New-ShortApiVideoJob pixverse-5.5 -Duration 10 -Resolution [Tab] offers only 540p and 720p' {
        Get-Completion 'New-ShortApiVideoJob pixverse-5.5 -Duration 10 -Resolution ' | Should -Be @('540p', '720p')
    }

    It 'New-ShortApiVideoJob -Model kling-o1 -AspectRatio 1:1 -Action [Tab] offers only refer' {
        Get-Completion 'New-ShortApiVideoJob -Model kling-o1 -AspectRatio 1:1 -Action ' | Should -Be @('refer')
    }

    It 'New-ShortApiVideoJob -Resolution [Tab] with no model offers each value once, whatever its case' {
        $offered = Get-Completion 'New-ShortApiVideoJob -Resolution '
        $offered | Should -BeExactly @('540p', '720p', '1080p')
        @($offered | Sort-Object -Unique).Count | Should -Be $offered.Count
    }

    It 'New-ShortApiVideoJob -Duration [Tab] with no model offers every length once, in order' {
        Get-Completion 'New-ShortApiVideoJob -Duration ' | Should -Be @(1..16 | ForEach-Object { "$_" })
    }

    Context 'with -Model set in $PSDefaultParameterValues' {
        BeforeEach {
            $PSDefaultParameterValues['New-ShortApiVideoJob:Model'] = 'pixverse-5.5'
        }

        AfterEach {
            $PSDefaultParameterValues.Remove('New-ShortApiVideoJob:Model')
            $PSDefaultParameterValues.Remove('*-ShortApi*:Model')
            $PSDefaultParameterValues.Remove('Disabled')
        }

        It 'New-ShortApiVideoJob -Duration [Tab] offers that model''s durations' {
            Get-Completion 'New-ShortApiVideoJob -Duration ' | Should -Be @('5', '8', '10')
        }

        It 'New-ShortApiVideoJob -Resolution 1080p -Duration [Tab] offers only 5 and 8' {
            Get-Completion 'New-ShortApiVideoJob -Resolution 1080p -Duration ' | Should -Be @('5', '8')
        }

        It 'a -Model on the line wins over the default' {
            Get-Completion 'New-ShortApiVideoJob -Model happyhorse-1.0 -Resolution ' | Should -BeExactly @('720P', '1080P')
        }

        It 'a wildcard key counts, and an exact key wins over it' {
            $PSDefaultParameterValues['*-ShortApi*:Model'] = 'happyhorse-1.0'
            Get-Completion 'New-ShortApiVideoJob -Resolution ' | Should -Be @('540p', '720p', '1080p')

            $PSDefaultParameterValues.Remove('New-ShortApiVideoJob:Model')
            Get-Completion 'New-ShortApiVideoJob -Resolution ' | Should -BeExactly @('720P', '1080P')
        }

        It 'is ignored while $PSDefaultParameterValues is Disabled' {
            $PSDefaultParameterValues['Disabled'] = $true
            Get-Completion 'New-ShortApiVideoJob -Duration ' | Should -Be @(1..16 | ForEach-Object { "$_" })
        }

        It 'an option set there narrows completion too' {
            $PSDefaultParameterValues['New-ShortApiVideoJob:Resolution'] = '1080p'
            try {
                Get-Completion 'New-ShortApiVideoJob -Duration ' | Should -Be @('5', '8')
            }
            finally {
                $PSDefaultParameterValues.Remove('New-ShortApiVideoJob:Resolution')
            }
        }
    }

    It 'Get-ShortApiModel [Tab] offers the short names too' {
        $offered = Get-Completion 'Get-ShortApiModel '
        foreach ($name in $ShortNames) {
            $offered | Should -Contain $name
        }
    }
}
