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

    It 'stops with a terminating ShortApi.BudgetExceeded error before the job that would pass the budget; the jobs within it were created' {
        $createdBefore = $emulator.Stats.JobsCreated
        $stopped = $null
        try {
            Get-ChildItem -Path (Join-Path $stills '*.png') | Sort-Object Name |
                New-ShortApiVideoJob -Model vidu-q3 -Prompt 'a slow pan' -MaxCost 1.30 -OutVariable created | Out-Null
        }
        catch {
            $stopped = $_
        }

        $stopped | Should -Not -BeNullOrEmpty -Because 'the third job would take the batch past 1.30 USD'
        $stopped.FullyQualifiedErrorId | Should -BeLike 'ShortApi.BudgetExceeded*'
        $stopped.CategoryInfo.Category | Should -Be 'LimitsExceeded'
        $stopped.Exception.Message | Should -BeLike '*sunrise.png*'
        $stopped.Exception.Message | Should -BeLike '*1.30*'
        [string] $stopped.TargetObject | Should -BeLike '*sunrise.png'

        $created.Count | Should -Be 2
        @($created | ForEach-Object { [System.IO.Path]::GetFileName($_.Source) } | Sort-Object) | Should -Be @('forest.png', 'harbor.png')
        $emulator.Stats.JobsCreated - $createdBefore | Should -Be 2
    }

    It 'lets a batch within the budget through' {
        $createdBefore = $emulator.Stats.JobsCreated
        $jobs = @(Get-ChildItem -Path (Join-Path $stills '*.png') | New-ShortApiVideoJob -Model vidu-q3 -Prompt 'a slow pan' -MaxCost 1.80)

        $jobs.Count | Should -Be 3
        $emulator.Stats.JobsCreated - $createdBefore | Should -Be 3
    }
}
