# The objects as scripts use them: filtered by what a table shows.

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
