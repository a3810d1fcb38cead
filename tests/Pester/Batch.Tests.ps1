# Batch pipelines as users write them: files or CSV rows in, one job per input, videos out.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-ShortApiModule
}

Describe 'A batch pipeline' {
    BeforeAll {
        $emulator = Start-ShortApiEmulator -JobSeconds 1
        $stills = New-StillFolder -Name 'stills'
    }

    AfterAll {
        Stop-ShortApiEmulator
    }

    It 'Get-ChildItem *.png | New-ShortApiVideoJob | Wait-ShortApiJob | Save-ShortApiJobOutput saves one {stem}-{jobid}.mp4 per image' {
        $out = Join-Path $TestDrive 'videos'
        $createdBefore = $emulator.Stats.JobsCreated

        $files = Get-ChildItem -Path (Join-Path $stills '*.png') |
            New-ShortApiVideoJob -Model vidu-q3 -Prompt 'a slow pan across the scene' |
            Wait-ShortApiJob -OutVariable jobs |
            Save-ShortApiJobOutput -Path $out

        $emulator.Stats.JobsCreated - $createdBefore | Should -Be 3
        $jobs.Count | Should -Be 3
        @($jobs | Where-Object { $_.Status -ne 'Succeeded' }) | Should -BeNullOrEmpty

        $files.Count | Should -Be 3
        $files | ForEach-Object { $_ | Should -BeOfType [System.IO.FileInfo] }
        $expected = @($jobs | ForEach-Object { '{0}-{1}.mp4' -f [System.IO.Path]::GetFileNameWithoutExtension($_.Source), $_.JobId } | Sort-Object)
        @($files | ForEach-Object { $_.Name } | Sort-Object) | Should -Be $expected
        @(Get-ChildItem -LiteralPath $out -Force | ForEach-Object { $_.Name } | Sort-Object) | Should -Be $expected
        $files | ForEach-Object { $_.Length | Should -BeGreaterThan 0 }
        @($jobs | ForEach-Object { [System.IO.Path]::GetFileName($_.Source) } | Sort-Object) | Should -Be @('forest.png', 'harbor.png', 'sunrise.png')
    }

    It 'Wait-ShortApiJob -OutputDirectory downloads each job as it finishes' {
        $out = Join-Path $TestDrive 'waited'

        $jobs = Get-ChildItem -Path (Join-Path $stills '*.png') |
            New-ShortApiVideoJob -Model vidu-q3 -Prompt 'clouds drift by' |
            Wait-ShortApiJob -OutputDirectory $out

        $jobs.Count | Should -Be 3
        foreach ($job in $jobs) {
            $job.Status | Should -Be 'Succeeded'
            $job.OutputFiles.Count | Should -Be 1
            $expectedName = '{0}-{1}.mp4' -f [System.IO.Path]::GetFileNameWithoutExtension($job.Source), $job.JobId
            [System.IO.Path]::GetFileName($job.OutputFiles[0]) | Should -Be $expectedName
            $job.OutputFiles[0] | Should -Exist
        }

        @(Get-ChildItem -LiteralPath $out -Force).Count | Should -Be 3
    }

    It '$jobs | Get-ShortApiJob reports the jobs'' current state' {
        $jobs = @(New-ShortApiVideoJob -Model vidu-q3 -Prompt 'a slow pan' -Image (Join-Path $stills 'forest.png'), (Join-Path $stills 'harbor.png'))
        $jobs | Wait-ShortApiJob | Out-Null

        $current = @($jobs | Get-ShortApiJob)

        @($current | ForEach-Object { $_.JobId }) | Should -Be @($jobs | ForEach-Object { $_.JobId })
        @($current | Where-Object { $_.Status -ne 'Succeeded' }) | Should -BeNullOrEmpty
    }

    It 'Import-Csv jobs.csv | New-ShortApiVideoJob -Model pixverse-5.5 makes one job per row with its Prompt, Resolution and Duration' {
        $csv = Join-Path $TestDrive 'jobs.csv'
        @(
            [pscustomobject]@{ Image = (Join-Path $stills 'forest.png'); Prompt = 'mist rises between the trees'; Resolution = '540p'; Duration = '8' }
            [pscustomobject]@{ Image = (Join-Path $stills 'harbor.png'); Prompt = 'boats rock on the swell'; Resolution = '1080p'; Duration = '5' }
        ) | Export-Csv -LiteralPath $csv -NoTypeInformation
        $createdBefore = $emulator.Stats.JobsCreated

        $jobs = @(Import-Csv -LiteralPath $csv | New-ShortApiVideoJob -Model pixverse-5.5)

        $emulator.Stats.JobsCreated - $createdBefore | Should -Be 2
        $jobs.Count | Should -Be 2
        $forest = $jobs | Where-Object { $_.Source -like '*forest.png' }
        $harbor = $jobs | Where-Object { $_.Source -like '*harbor.png' }
        $forest.Model | Should -Be 'pixverse/pixverse-5.5/image-to-video'
        $forest.Prompt | Should -Be 'mist rises between the trees'
        $forest.Arguments['resolution'] | Should -Be '540p'
        $forest.Arguments['duration'] | Should -Be '8'
        $harbor.Prompt | Should -Be 'boats rock on the swell'
        $harbor.Arguments['resolution'] | Should -Be '1080p'
        $harbor.Arguments['duration'] | Should -Be '5'
    }

    It 'sends pixverse-5.5 duration as text, as its page says' {
        $job = New-ShortApiVideoJob -Model pixverse-5.5 -Prompt 'waves' -Image (Join-Path $stills 'harbor.png') -Duration 8
        $job.Arguments['duration'] | Should -BeOfType [string]
    }
}

Describe 'One bad input in a batch' {
    BeforeAll {
        $emulator = Start-ShortApiEmulator -JobSeconds 1
        $stills = New-StillFolder -Name 'mixed'
        $notAnImage = Join-Path $stills 'notes.png'
        Set-Content -LiteralPath $notAnImage -Value 'this is text, not a picture'
        $missing = Join-Path $stills 'missing.png'

        $inputs = @((Join-Path $stills 'forest.png'), $notAnImage, $missing, (Join-Path $stills 'harbor.png'))
        $jobs = @($inputs | New-ShortApiVideoJob -Model vidu-q3 -Prompt 'a slow pan' -ErrorVariable batchErrors -ErrorAction SilentlyContinue)
    }

    AfterAll {
        Stop-ShortApiEmulator
    }

    It 'a text file named .png is a non-terminating ShortApi.ImageRejected error with the file as TargetObject' {
        $rejected = @($batchErrors | Where-Object { $_.FullyQualifiedErrorId -like 'ShortApi.ImageRejected*' })
        $rejected.Count | Should -Be 1
        $rejected[0].TargetObject | Should -Be $notAnImage
        $rejected[0].CategoryInfo.Category | Should -Be 'InvalidData'
    }

    It 'a missing path is a non-terminating ShortApi.ImageNotFound error with the path as TargetObject' {
        $notFound = @($batchErrors | Where-Object { $_.FullyQualifiedErrorId -like 'ShortApi.ImageNotFound*' })
        $notFound.Count | Should -Be 1
        $notFound[0].TargetObject | Should -Be $missing
        $notFound[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'the other images still become jobs' {
        $batchErrors.Count | Should -Be 2
        $jobs.Count | Should -Be 2
        @($jobs | ForEach-Object { [System.IO.Path]::GetFileName($_.Source) } | Sort-Object) | Should -Be @('forest.png', 'harbor.png')
        $emulator.Stats.JobsCreated | Should -Be 2
    }
}
