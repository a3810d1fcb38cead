# The module as dotnet build lays it out: manifest, exports, editions, version, formatting.
# Only the table-format check starts an emulator, for a real job to format.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-ShortApiModule
    $script:Module = Get-Module -Name ShortApi
    $script:ExpectedCmdlets = @(
        'Connect-ShortApi'
        'Disconnect-ShortApi'
        'Get-ShortApiJob'
        'Get-ShortApiModel'
        'Measure-ShortApiVideoJob'
        'New-ShortApiVideoJob'
        'Save-ShortApiJobOutput'
        'Start-ShortApiEmulator'
        'Stop-ShortApiEmulator'
        'Wait-ShortApiJob'
    )
}

Describe 'The ShortApi module' {
    It 'has a valid manifest (Test-ModuleManifest out/ShortApi/ShortApi.psd1)' {
        $info = Test-ModuleManifest -Path $ModuleManifest -ErrorAction Stop
        $info.Name | Should -Be 'ShortApi'
        $info.RootModule | Should -Be 'ShortApi.PowerShell.dll'
    }

    It 'exports exactly the 10 cmdlets, and no functions or aliases' {
        @($Module.ExportedCmdlets.Keys | Sort-Object) | Should -Be $ExpectedCmdlets
        @(Get-Command -Module ShortApi | Select-Object -ExpandProperty Name | Sort-Object) | Should -Be $ExpectedCmdlets
        $Module.ExportedFunctions.Count | Should -Be 0
        $Module.ExportedAliases.Count | Should -Be 0
    }

    It 'declares CompatiblePSEditions Desktop and Core' {
        $info = Test-ModuleManifest -Path $ModuleManifest -ErrorAction Stop
        @($info.CompatiblePSEditions | Sort-Object) | Should -Be @('Core', 'Desktop')
    }

    It 'has the manifest version as the version of ShortApi.PowerShell.dll' {
        $manifestVersion = (Test-ModuleManifest -Path $ModuleManifest -ErrorAction Stop).Version
        $dll = Join-Path $ModuleFolder 'ShortApi.PowerShell.dll'
        $assemblyVersion = [System.Reflection.AssemblyName]::GetAssemblyName($dll).Version

        $assemblyVersion.ToString(3) | Should -Be $manifestVersion.ToString(3)
        $Module.Version | Should -Be $manifestVersion
    }

    It 'loads its format data (Get-FormatData ShortApi.VideoJob)' {
        $format = Get-FormatData -TypeName 'ShortApi.VideoJob'
        $format | Should -Not -BeNullOrEmpty
        $controls = @($format.FormatViewDefinition | ForEach-Object { $_.Control.GetType().Name })
        $controls | Should -Contain 'TableControl'
        $controls | Should -Contain 'ListControl'
    }

    It 'shows a job as a table of JobId, ModelName, Status, SourceName, ElapsedSeconds, Cost by default' {
        $format = Get-FormatData -TypeName 'ShortApi.VideoJob'
        $table = @($format.FormatViewDefinition | Where-Object { $_.Control -is [System.Management.Automation.TableControl] })[0]
        @($table.Control.Headers | ForEach-Object { $_.Label }) | Should -Be @('JobId', 'ModelName', 'Status', 'SourceName', 'ElapsedSeconds', 'Cost')
    }

    Context 'with a job from the emulator' {
        BeforeAll {
            $emulator = Start-ShortApiEmulator -JobSeconds 1
        }

        AfterAll {
            Stop-ShortApiEmulator
        }

        It 'formats a job with that table when nothing else is asked for' {
            $job = New-ShortApiVideoJob -Model vidu-q3 -Prompt 'a slow pan' -Image (Join-Path $SamplesFolder 'forest.png')
            $lines = @(($job | Out-String -Width 200) -split "`r?`n" | Where-Object { $_.Trim() })

            $lines[0] | Should -Match '^\W*JobId\W+ModelName\W+Status\W+SourceName\W+ElapsedSeconds\W+Cost\W*$'
            $lines[2] | Should -Match ('^' + [regex]::Escape($job.JobId) + '\s+vidu-q3\s+Queued\s+forest\.png\s')
        }

        It 'names each table column after a property, so Where-Object on a column finds what the table shows' {
            $job = New-ShortApiVideoJob -Model vidu-q3 -Prompt 'a slow pan' -Image (Join-Path $SamplesFolder 'forest.png')
            $format = Get-FormatData -TypeName 'ShortApi.VideoJob'
            $table = @($format.FormatViewDefinition | Where-Object { $_.Control -is [System.Management.Automation.TableControl] })[0]
            foreach ($header in $table.Control.Headers.Label) {
                $job.PSObject.Properties.Name | Should -Contain $header
            }

            @($job | Where-Object ModelName -eq 'vidu-q3').Count | Should -Be 1
            @($job | Where-Object SourceName -eq 'forest.png').Count | Should -Be 1
        }

        It 'names the emulator''s table columns after its properties too' {
            $format = Get-FormatData -TypeName 'ShortApi.Emulator.ShortApiEmulator'
            $table = @($format.FormatViewDefinition | Where-Object { $_.Control -is [System.Management.Automation.TableControl] })[0]
            foreach ($header in $table.Control.Headers.Label) {
                $emulator.PSObject.Properties.Name | Should -Contain $header
            }

            $emulator.JobSeconds | Should -Be 1
        }
    }

    It 'has no help link that fails: Get-Help -Online finds no address to open for <_>' -ForEach @(
        'Connect-ShortApi', 'Disconnect-ShortApi', 'Get-ShortApiJob', 'Get-ShortApiModel', 'Measure-ShortApiVideoJob', 'New-ShortApiVideoJob',
        'Save-ShortApiJobOutput', 'Start-ShortApiEmulator', 'Stop-ShortApiEmulator', 'Wait-ShortApiJob') {
        # What -Online would open: a related-link address in the help, else the cmdlet's HelpUri.
        # Checked first, so a failing test reports the address instead of launching a browser.
        @((Get-Help $_).relatedLinks.navigationLink | Where-Object { "$($_.uri)".Trim() }) | Should -BeNullOrEmpty
        (Get-Command $_).HelpUri | Should -BeNullOrEmpty

        { Get-Help $_ -Online -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidOperation,Microsoft.PowerShell.Commands.GetHelpCommand'
    }

    It 'has format data for the model catalog too' {
        Get-FormatData -TypeName 'ShortApi.Catalog.ModelDefinition' | Should -Not -BeNullOrEmpty
    }

    It 'loads its types file: a model has the Price its table shows' {
        (Get-ShortApiModel vidu-q3).Price | Should -Be '$0.032-0.128/s'
    }
}
