# The gallery package, the way a user gets the module: ./build.ps1 -Task Package, published to a
# folder repository, installed with Install-PSResource, imported by name in a fresh process.
#
# Everything runs in child processes whose HOME (and XDG folders) point into $TestDrive, so the
# repository registration and the installed module never touch the user's own PowerShell set-up.
# On Windows a profile cannot be redirected that way; there the test installs with Save-PSResource
# into a folder on PSModulePath instead (checked only by reading).

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $script:RepoRoot 'build/PowerShellProcess.ps1')

    function Invoke-InSandbox {
        # Runs a script file in a fresh PowerShell whose user folders all live under $Folder.
        param([string] $Folder, [string] $Script, [string[]] $ArgumentList = @())

        $saved = @{}
        $variables = @{ HOME = $Folder; XDG_DATA_HOME = "$Folder/.local/share"; XDG_CONFIG_HOME = "$Folder/.config"; XDG_CACHE_HOME = "$Folder/.cache" }
        foreach ($name in $variables.Keys) {
            # .NET takes a user folder that does not exist yet as no folder at all, and PSResourceGet
            # would then write its settings relative to the working directory: make them first.
            New-Item -ItemType Directory -Path $variables[$name] -Force | Out-Null
            $saved[$name] = [Environment]::GetEnvironmentVariable($name)
            [Environment]::SetEnvironmentVariable($name, $variables[$name])
        }

        try {
            $file = Join-Path $TestDrive ('script-{0}.ps1' -f [guid]::NewGuid().ToString('N'))
            Set-Content -LiteralPath $file -Value $Script
            $output = Invoke-PowerShellProcess -File $file -ArgumentList $ArgumentList 2>&1 | ForEach-Object { "$_" }
            [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = @($output) }
        }
        finally {
            foreach ($name in $saved.Keys) {
                [Environment]::SetEnvironmentVariable($name, $saved[$name])
            }
        }
    }

    $version = (Import-PowerShellDataFile -LiteralPath $script:ModuleManifest).ModuleVersion
    $script:Package = Join-Path $script:RepoRoot "out/packages/ShortApi.$version.nupkg"
    Invoke-PowerShellProcess -File (Join-Path $script:RepoRoot 'build.ps1') -ArgumentList @('-Task', 'Package') | Out-Null
    $script:PackageExitCode = $LASTEXITCODE
}

Describe './build.ps1 -Task Package' {
    It 'writes out/packages/ShortApi.<version>.nupkg' {
        $PackageExitCode | Should -Be 0
        $Package | Should -Exist
    }

    It 'packs the whole module folder: manifest, assemblies, format and types files, help, private dependencies and licence' {
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [System.IO.Compression.ZipFile]::OpenRead($Package)
        try {
            $entries = @($zip.Entries | ForEach-Object { $_.FullName -replace '\\', '/' })
        }
        finally {
            $zip.Dispose()
        }

        foreach ($expected in 'ShortApi.psd1', 'ShortApi.PowerShell.dll', 'ShortApi.Client.dll', 'ShortApi.format.ps1xml', 'ShortApi.types.ps1xml', 'en-US/ShortApi.PowerShell.dll-Help.xml', 'Dependencies/System.Text.Json.dll', 'LICENSE') {
            $entries | Should -Contain $expected
        }
    }
}

Describe 'The package in a folder repository' {
    BeforeAll {
        $sandbox = Join-Path $TestDrive 'home'
        $repository = Join-Path $TestDrive 'repository'
        New-Item -ItemType Directory -Path $sandbox, $repository -Force | Out-Null

        $install = Invoke-InSandbox -Folder $sandbox -ArgumentList @($repository, $Package) -Script @'
param($Repository, $Package)
$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name ShortApiTest -Uri $Repository -Trusted
Publish-PSResource -NupkgPath $Package -Repository ShortApiTest
if ($IsWindows) {
    Save-PSResource -Name ShortApi -Repository ShortApiTest -Path (Join-Path $HOME 'Modules') -TrustRepository
} else {
    Install-PSResource -Name ShortApi -Repository ShortApiTest -Scope CurrentUser -TrustRepository
}
(Get-InstalledPSResource -Name ShortApi -ErrorAction SilentlyContinue).InstalledLocation
'@

        $videos = Join-Path $TestDrive 'videos'
        $still = Join-Path $SamplesFolder 'forest.png'
        $run = Invoke-InSandbox -Folder $sandbox -ArgumentList @($still, $videos) -Script @'
param($Still, $Videos)
$ErrorActionPreference = 'Stop'
if ($IsWindows) { $env:PSModulePath = (Join-Path $HOME 'Modules') + [IO.Path]::PathSeparator + $env:PSModulePath }
Import-Module ShortApi
"ModuleBase=" + (Get-Module ShortApi).ModuleBase
$null = Start-ShortApiEmulator -JobSeconds 0.2
try {
    $job = New-ShortApiVideoJob -Model vidu-q3 -Prompt 'a slow push-in' -Image $Still | Wait-ShortApiJob -OutputDirectory $Videos
    "Status=" + $job.Status
    "File=" + $job.OutputFiles[0]
} finally {
    Stop-ShortApiEmulator
}
'@
    }

    It 'Publish-PSResource and Install-PSResource take it' {
        $install.ExitCode | Should -Be 0 -Because ($install.Output -join "`n")
    }

    It 'Import-Module ShortApi by name in a fresh process loads the installed copy, not the build output' {
        $run.ExitCode | Should -Be 0 -Because ($run.Output -join "`n")
        $base = ($run.Output | Where-Object { $_ -like 'ModuleBase=*' }) -replace '^ModuleBase=', ''
        $base | Should -BeLike "$sandbox*"
        $base | Should -Not -BeLike "$RepoRoot*"
    }

    It 'the installed module runs a job against the emulator and saves its video' {
        ($run.Output | Where-Object { $_ -like 'Status=*' }) | Should -Be 'Status=Succeeded'
        $file = ($run.Output | Where-Object { $_ -like 'File=*' }) -replace '^File=', ''
        $file | Should -Exist
        (Get-Item -LiteralPath $file).Length | Should -BeGreaterThan 0
    }
}
