# Measure-ShortApiVideoJob: the price of a batch as objects a script can add up, with the binding
# and the checks of New-ShortApiVideoJob, and no request, key or emulator.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-ShortApiModule

    # No connection, no key and no emulator: whatever Measure does must work without them.
    Stop-ShortApiEmulator
    Disconnect-ShortApi
    $script:SavedKey = $env:SHORTAPI_KEY
    $script:SavedEndpoint = $env:SHORTAPI_BASE_URL
    Remove-Item Env:SHORTAPI_KEY, Env:SHORTAPI_BASE_URL -ErrorAction SilentlyContinue

    $script:Stills = New-StillFolder -Name 'measure'
}

AfterAll {
    if ($null -ne $SavedKey) { $env:SHORTAPI_KEY = $SavedKey }
    if ($null -ne $SavedEndpoint) { $env:SHORTAPI_BASE_URL = $SavedEndpoint }
}

Describe 'Measure-ShortApiVideoJob' {
    It 'gives the price of a batch: Get-ChildItem *.png | Measure-ShortApiVideoJob ... | Measure-Object EstimatedCost -Sum' {
        Push-Location -LiteralPath $Stills
        try {
            # The pipeline of the issue, as written.
            $sum = Get-ChildItem *.png | Measure-ShortApiVideoJob -Model pixverse-5.5 -Resolution 1080p -Duration 8 | Measure-Object EstimatedCost -Sum
            $each = @(Get-ChildItem *.png | Measure-ShortApiVideoJob -Model pixverse-5.5 -Resolution 1080p -Duration 8)
        }
        finally {
            Pop-Location
        }

        $each.Count | Should -Be 3
        $each | ForEach-Object { $_.EstimatedCost | Should -Be 0.680 }
        $each[0].EstimatedCost | Should -BeOfType [decimal]
        $sum.Count | Should -Be 3
        [decimal] $sum.Sum | Should -Be ([decimal] 2.04)
    }

    It 'emits the input, the model, the effective settings and the basis of the price' {
        $still = Join-Path $Stills 'harbor.png'
        $estimate = Measure-ShortApiVideoJob -Model pixverse-5.5 -Resolution 1080p -Duration 8 -Image $still

        $estimate | Should -BeOfType ([ShortApi.Pricing.JobCostEstimate])
        $estimate.Source | Should -Be $still
        $estimate.SourceName | Should -Be 'harbor.png'
        $estimate.Model | Should -Be 'pixverse-5.5'
        $estimate.ModelId | Should -Be 'pixverse/pixverse-5.5/image-to-video'
        $estimate.Settings.ToString() | Should -Be 'resolution=1080p, duration=8, aspect_ratio=16:9, generate_audio=false, multi_shot=false'
        $estimate.Currency | Should -Be 'USD'
        $estimate.IsKnown | Should -BeTrue
        $estimate.Basis | Should -BeLike "*resolution '1080p'*duration '8'*`$0.68 per video"
    }

    It 'fails an invalid combination (pixverse-5.5 1080p for 10 s) the way New-ShortApiVideoJob does' {
        $still = Join-Path $Stills 'forest.png'
        $good = Join-Path $Stills 'harbor.png'
        $estimates = @($still, $good | Measure-ShortApiVideoJob -Model pixverse-5.5 -Resolution 1080p -Duration 10 -ErrorVariable measured -ErrorAction SilentlyContinue)
        $null = New-ShortApiVideoJob -Model pixverse-5.5 -Prompt 'waves' -Image $still -Resolution 1080p -Duration 10 -ErrorVariable submitted -ErrorAction SilentlyContinue

        $estimates.Count | Should -Be 0
        $measured.Count | Should -Be 2
        $submitted.Count | Should -Be 1
        $measured[0].FullyQualifiedErrorId.Split(',')[0] | Should -Be 'ShortApi.InvalidArgument'
        $measured[0].FullyQualifiedErrorId.Split(',')[0] | Should -Be $submitted[0].FullyQualifiedErrorId.Split(',')[0]
        $measured[0].CategoryInfo.Category | Should -Be $submitted[0].CategoryInfo.Category
        "$($measured[0])" | Should -Be "$($submitted[0])"
        $measured[0].TargetObject | Should -Be $submitted[0].TargetObject
    }

    It 'reports only the input it refuses, and prices the others' {
        $refused = Join-Path $Stills 'forest.png'
        $priced = Join-Path $Stills 'harbor.png'
        $estimates = @([pscustomobject]@{ Image = $refused; Duration = 10 }, [pscustomobject]@{ Image = $priced; Duration = 8 } |
            Measure-ShortApiVideoJob -Model pixverse-5.5 -Resolution 1080p -ErrorVariable failures -ErrorAction SilentlyContinue)

        $failures.Count | Should -Be 1
        $failures[0].TargetObject | Should -Be $refused
        $estimates.Count | Should -Be 1
        $estimates[0].Source | Should -Be $priced
    }

    It 'needs no key and sends no request: with no connection or emulator, and with an emulator as the endpoint' {
        $env:SHORTAPI_KEY | Should -BeNullOrEmpty
        $alone = Measure-ShortApiVideoJob -Model vidu-q3 -Image (Join-Path $Stills 'forest.png') -ErrorAction Stop
        $alone.EstimatedCost | Should -Be 0.60

        $emulator = Start-ShortApiEmulator -NoConnect
        try {
            $env:SHORTAPI_BASE_URL = $emulator.BaseAddress.AbsoluteUri
            $watched = Measure-ShortApiVideoJob -Model vidu-q3 -Image (Join-Path $Stills 'forest.png') -ErrorAction Stop
        }
        finally {
            Remove-Item Env:SHORTAPI_BASE_URL -ErrorAction SilentlyContinue
            Stop-ShortApiEmulator
        }

        $watched.EstimatedCost | Should -Be 0.60
        $emulator.Stats.CreateRequests | Should -Be 0
        $emulator.Stats.QueryRequests | Should -Be 0
    }

    It 'says that poppy-v1.0 has no price before it runs, and why, instead of inventing one' {
        $estimate = Measure-ShortApiVideoJob -Model poppy-v1.0 -Image (Join-Path $Stills 'sunrise.png')

        $estimate.IsKnown | Should -BeFalse
        $estimate.EstimatedCost | Should -BeNullOrEmpty
        $estimate.Basis | Should -BeLike '*$0.048/s*no duration parameter*'
        $estimate.Settings.ToString() | Should -Be 'aspect_ratio=16:9'
    }

    It 'binds CSV rows: Image, Prompt and Resolution columns, an empty cell meaning the default' {
        $csv = Join-Path $TestDrive 'plan.csv'
        @(
            'Image,Prompt,Resolution'
            ('{0},Waves roll in,1080p' -f (Join-Path $Stills 'harbor.png'))
            ('{0},Leaves stir,540p' -f (Join-Path $Stills 'forest.png'))
            ('{0},,' -f (Join-Path $Stills 'sunrise.png'))
        ) | Set-Content -LiteralPath $csv

        $estimates = @(Import-Csv -LiteralPath $csv | Measure-ShortApiVideoJob -Model pixverse-5.5 -Duration 5)

        $estimates.Count | Should -Be 3
        @($estimates | ForEach-Object SourceName) | Should -Be @('harbor.png', 'forest.png', 'sunrise.png')
        @($estimates | ForEach-Object { $_.Settings['resolution'] }) | Should -Be @('1080p', '540p', '720p')
        @($estimates | ForEach-Object EstimatedCost) | Should -Be @(0.340, 0.128, 0.170)
    }

    It 'takes the parameters of New-ShortApiVideoJob that describe a job, bound the same way' {
        $submitOnly = 'ApiKey', 'Endpoint', 'ThrottleLimit', 'JournalPath', 'MaxCost', 'Force', 'WhatIf', 'Confirm'
        $new = (Get-Command New-ShortApiVideoJob).Parameters
        $measure = (Get-Command Measure-ShortApiVideoJob).Parameters
        $jobParameters = @($new.Keys | Where-Object { $_ -notin $submitOnly })

        @($measure.Keys | Sort-Object) | Should -Be @($jobParameters | Sort-Object)
        foreach ($name in $jobParameters) {
            $newBinding = $new[$name].ParameterSets.Values | Select-Object Position, ValueFromPipeline, ValueFromPipelineByPropertyName
            $measureBinding = $measure[$name].ParameterSets.Values | Select-Object Position, ValueFromPipeline, ValueFromPipelineByPropertyName
            ($measureBinding | ConvertTo-Json -Compress) | Should -Be ($newBinding | ConvertTo-Json -Compress) -Because "-$name binds alike"
            @($measure[$name].Aliases) | Should -Be @($new[$name].Aliases)
            $measure[$name].ParameterType | Should -Be $new[$name].ParameterType
        }
    }

    It 'does not need a prompt, since no price depends on it' {
        (Get-Command Measure-ShortApiVideoJob).Parameters['Prompt'].Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] }).Mandatory | Should -BeFalse
        (Get-Command New-ShortApiVideoJob).Parameters['Prompt'].Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] }).Mandatory | Should -BeTrue
    }

    It 'shows a table whose every column is a property of the estimate' {
        $format = Get-FormatData -TypeName 'ShortApi.Pricing.JobCostEstimate'
        $table = @($format.FormatViewDefinition | Where-Object { $_.Control -is [System.Management.Automation.TableControl] })[0]
        $labels = @($table.Control.Headers | ForEach-Object { $_.Label })
        $estimate = Measure-ShortApiVideoJob -Model vidu-q3 -Image (Join-Path $Stills 'forest.png')

        $labels | Should -Be @('SourceName', 'Model', 'Settings', 'EstimatedCost', 'Basis')
        foreach ($label in $labels) {
            $estimate.PSObject.Properties.Name | Should -Contain $label
        }

        $lines = @(($estimate | Out-String -Width 250) -split "`r?`n" | Where-Object { $_.Trim() })
        $lines[2] | Should -Match '^forest\.png\s+vidu-q3\s+mode=pro, duration=5, resolution=720p\s+0\.60\s+mode'
    }
}
