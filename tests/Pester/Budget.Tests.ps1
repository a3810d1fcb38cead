# -MaxCost: a batch never spends past its budget.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-ShortApiModule
}

Describe '-MaxCost' {
    BeforeAll {
        $emulator = Start-ShortApiEmulator -JobSeconds 1
        # forest, harbor, sunrise in that order; vidu-q3 pro 720p 5 s is estimated at 0.60 USD each.
        $stills = New-StillFolder -Name 'budget'
    }

    AfterAll {
        Stop-ShortApiEmulator
    }

    It 'stops submitting before the job that would pass the budget, with one ShortApi.BudgetExceeded error that says where it stopped' {
        $createdBefore = $emulator.Stats.JobsCreated

        $created = @(Get-ChildItem -Path (Join-Path $stills '*.png') | Sort-Object Name |
            New-ShortApiVideoJob -Model vidu-q3 -Prompt 'a slow pan' -MaxCost 1.30 -ErrorVariable budgetErrors -ErrorAction SilentlyContinue)

        $budgetErrors.Count | Should -Be 1
        $stopped = $budgetErrors[0]
        $stopped.FullyQualifiedErrorId | Should -BeLike 'ShortApi.BudgetExceeded*'
        $stopped.CategoryInfo.Category | Should -Be 'LimitsExceeded'
        [string] $stopped.TargetObject | Should -BeLike '*sunrise.png'
        $stopped.Exception.Message | Should -BeLike '*1.30*'
        $stopped.Exception.Message | Should -BeLike '*2 job(s) were submitted*1.20 USD*'
        foreach ($job in $created) {
            $stopped.Exception.Message | Should -BeLike "*$($job.JobId)*"
        }
        $stopped.Exception.Message | Should -BeLike "*1 input(s) were not submitted, starting with '*sunrise.png'*"

        @($created | ForEach-Object { [System.IO.Path]::GetFileName($_.Source) } | Sort-Object) | Should -Be @('forest.png', 'harbor.png')
        $emulator.Stats.JobsCreated - $createdBefore | Should -Be 2
    }

    It 'lets the jobs created within the budget flow on to Wait-ShortApiJob -OutputDirectory' {
        $out = Join-Path $TestDrive 'within-budget'

        $waited = @(Get-ChildItem -Path (Join-Path $stills '*.png') | Sort-Object Name |
            New-ShortApiVideoJob -Model vidu-q3 -Prompt 'clouds drift' -MaxCost 1.30 -ErrorAction SilentlyContinue |
            Wait-ShortApiJob -OutputDirectory $out)

        $waited.Count | Should -Be 2
        @(Get-ChildItem -LiteralPath $out -Filter *.mp4).Count | Should -Be 2
    }

    It 'lets a batch within the budget through' {
        $createdBefore = $emulator.Stats.JobsCreated
        $jobs = @(Get-ChildItem -Path (Join-Path $stills '*.png') | New-ShortApiVideoJob -Model vidu-q3 -Prompt 'a slow pan' -MaxCost 1.80)

        $jobs.Count | Should -Be 3
        $emulator.Stats.JobsCreated - $createdBefore | Should -Be 3
    }
}
