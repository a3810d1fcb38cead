# The objects as scripts use them: filtered by what a table shows, serialized to JSON and CSV,
# and read as a list.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-ShortApiModule
}

Describe 'Models in a script' {
    It 'Get-ShortApiModel | Where-Object Name -eq vidu-q3 finds it' {
        $found = @(Get-ShortApiModel | Where-Object Name -eq 'vidu-q3')
        $found.Count | Should -Be 1
        $found[0].Id | Should -Be 'vidu/vidu-q3/image-to-video'
    }

    It 'has every column of its table as a property: Name, Id, Price, Parameters' {
        $model = Get-ShortApiModel pixverse-5.5
        foreach ($column in 'Name', 'Id', 'Price', 'Parameters') {
            $model.PSObject.Properties.Name | Should -Contain $column
        }

        @(Get-ShortApiModel | Where-Object Price -like '*per video*').Name | Should -Contain 'pixverse-5.5'
    }
}

Describe 'A model as a list (Format-List)' {
    BeforeAll {
        $list = Get-ShortApiModel pixverse-5.5 | Format-List | Out-String -Width 200
    }

    It 'shows the prices as a table: a row per setting, a column per length' {
        $list | Should -Match 'multi_shot\s+generate_audio\s+resolution\s+5 s\s+8 s\s+10 s'
        $list | Should -Match 'false\s+false\s+540p\s+\$0\.128\s+\$0\.255\s+\$0\.281'
        $list | Should -Match 'true\s+true\s+1080p\s+\$0\.468\s+\$0\.935\s+-'
    }

    It 'has no chains of "and", no type names and no empty fields' {
        $list | Should -Not -Match "\w+ (true|false|'[^']*') and \w+"
        $list | Should -Not -Match 'System\.|ShortApi\.'
        @($list -split "`r?`n" | Where-Object { $_ -match '^\S.*:\s*$' }) | Should -BeNullOrEmpty
    }

    It 'leaves out what a model does not have: no Rules for vidu-q3' {
        $vidu = Get-ShortApiModel vidu-q3 | Format-List | Out-String -Width 200
        $vidu | Should -Not -Match '(?m)^Rules\s*:'
        $vidu | Should -Match '(?m)^Pricing\s*:\s*mode\s+resolution\s+price'
    }

    It 'shows a parameter''s limits in words, leaving out the fields it has nothing for' {
        $parameters = (Get-ShortApiModel happyhorse-1.0).Parameters | Format-List | Out-String -Width 200
        $parameters | Should -Match 'Limits\s*:\s*JPEG, PNG, WEBP, at least 300x300 pixels'
        $parameters | Should -Match 'Length\s*:\s*at most 5000 characters'
        $parameters | Should -Not -Match 'System\.|ShortApi\.'
        @($parameters -split "`r?`n" | Where-Object { $_ -match '^\S.*:\s*$' }) | Should -BeNullOrEmpty
    }
}

Describe 'Jobs in JSON and CSV' {
    BeforeAll {
        $emulator = Start-ShortApiEmulator -JobSeconds 1
        $stills = New-StillFolder -Name 'objects'
        $outputs = Join-Path $TestDrive 'videos'
        $jobs = @(Get-ChildItem -Path (Join-Path $stills '*.png') |
            New-ShortApiVideoJob -Model vidu-q3 -Prompt 'a slow pan' -Mode turbo -Duration 4 |
            Wait-ShortApiJob)
        $jobs | Save-ShortApiJobOutput -Path $outputs | Out-Null
    }

    AfterAll {
        Stop-ShortApiEmulator
    }

    It '$job | ConvertTo-Json gives Status by name, Arguments as an object and ElapsedSeconds as a number' {
        $json = $jobs[0] | ConvertTo-Json
        $read = $json | ConvertFrom-Json

        $read.Status | Should -Be 'Succeeded'
        $read.Arguments.mode | Should -Be 'turbo'
        $read.Arguments.duration | Should -Be '4'
        $read.Arguments.prompt | Should -Be 'a slow pan'
        $read.ElapsedSeconds | Should -BeOfType ([double])
        $read.ElapsedSeconds | Should -BeGreaterThan 0
        $read.OutputUrls.Count | Should -Be 1
        $read.OutputFiles[0] | Should -Be $jobs[0].OutputFiles[0]
    }

    It 'writes nothing as a bag of TimeSpan fields or numbered statuses' {
        $json = $jobs | ConvertTo-Json
        $json | Should -Not -Match '"Ticks"|"TotalSeconds"|"Key":'
        $json | Should -Not -Match '"Status":\s*\d'
    }

    It '$jobs | Export-Csv keeps the output URLs and files readable' {
        $csv = Join-Path $TestDrive 'jobs.csv'
        $jobs | Export-Csv -LiteralPath $csv -NoTypeInformation
        $rows = @(Import-Csv -LiteralPath $csv)

        $rows.Count | Should -Be 3
        Get-Content -LiteralPath $csv -Raw | Should -Not -Match 'System\.Collections|System\.String\[\]'
        foreach ($row in $rows) {
            $job = $jobs | Where-Object JobId -eq $row.JobId
            $row.Status | Should -Be 'Succeeded'
            $row.OutputUrls | Should -Be ($job.OutputUrls -join '; ')
            $row.OutputFiles | Should -Be $job.OutputFiles[0]
            $row.Arguments | Should -BeLike 'mode=turbo, prompt=a slow pan, duration=4*'
            [double] $row.ElapsedSeconds | Should -BeGreaterThan 0
        }
    }

    It 'reads an argument as $job.Arguments.mode' {
        $jobs[0].Arguments.mode | Should -Be 'turbo'
        $jobs[0].Arguments['Duration'] | Should -Be '4'
    }
}
