<#
.SYNOPSIS
    Builds and tests ShortApi. A thin layer over dotnet.
.DESCRIPTION
    Build   (default) compiles everything and lays out the importable module in out/ShortApi.
    Test    runs the xunit tests (the same command CI runs), then, where Pester 5 is installed, the
            Pester tests in tests/Pester against the module dotnet build lays out in out/ShortApi.
    Package builds Release and zips out/ShortApi into out/ShortApi-<version>.zip.
    Demo    builds, then runs samples/Demo.ps1 in a fresh session: the stills in samples/ become
            saved videos through the full pipeline, against the emulator unless SHORTAPI_KEY is set.
    Bench   runs the batch benchmark (bench/) and writes bench/RESULTS.md.
.EXAMPLE
    ./build.ps1
.EXAMPLE
    ./build.ps1 -Task Test
.EXAMPLE
    ./build.ps1 -Task Demo
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package', 'Demo', 'Bench')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-Location -LiteralPath $PSScriptRoot

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE." }
}

# A binary module cannot be unloaded, so anything that imports the freshly built one runs in a new
# process of this same PowerShell.
function Get-PowerShellPath {
    $exe = 'powershell.exe'
    if ($PSVersionTable.PSEdition -eq 'Core') { $exe = if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' } }
    Join-Path $PSHOME $exe
}

function Invoke-PesterTests {
    $pester = Get-Module -ListAvailable -Name Pester | Where-Object { $_.Version -ge [version] '5.0.0' } |
        Sort-Object -Property Version -Descending | Select-Object -First 1
    if (-not $pester) {
        Write-Warning 'Pester 5 is not installed, so only the xunit tests ran. To run tests/Pester too: Install-Module Pester -MinimumVersion 5.0.0 -Scope CurrentUser'
        return
    }

    Invoke-Dotnet build ShortApi.PowerShell.sln -c $Configuration
    $quote = { param($text) "'" + ($text -replace "'", "''") + "'" }
    $command = "Import-Module -Name $(& $quote $pester.Path) -ErrorAction Stop; " +
        "`$result = Invoke-Pester -Path $(& $quote (Join-Path $PSScriptRoot 'tests/Pester')) -Output Detailed -PassThru; " +
        "if (`$result.Result -ne 'Passed') { exit 1 }"
    & (Get-PowerShellPath) -NoProfile -NonInteractive -Command $command
    if ($LASTEXITCODE -ne 0) { throw "The Pester tests failed (exit code $LASTEXITCODE)." }
}

switch ($Task) {
    'Build' { Invoke-Dotnet build ShortApi.PowerShell.sln -c $Configuration }
    'Test' {
        Invoke-Dotnet test ShortApi.PowerShell.sln -c $Configuration
        Invoke-PesterTests
    }
    'Package' {
        Invoke-Dotnet build ShortApi.PowerShell.sln -c Release
        $version = (Import-PowerShellDataFile (Join-Path $PSScriptRoot 'ShortApi.psd1')).ModuleVersion
        $zip = Join-Path $PSScriptRoot "out/ShortApi-$version.zip"
        Compress-Archive -Path (Join-Path $PSScriptRoot 'out/ShortApi') -DestinationPath $zip -Force
        Write-Host "Packaged $zip"
    }
    'Demo' {
        Invoke-Dotnet build ShortApi.PowerShell.sln -c $Configuration
        & (Get-PowerShellPath) -NoProfile -File (Join-Path $PSScriptRoot 'samples/Demo.ps1')
        if ($LASTEXITCODE -ne 0) { throw "The demo failed (exit code $LASTEXITCODE)." }
    }
    'Bench' {
        Invoke-Dotnet run -c Release --project (Join-Path $PSScriptRoot 'bench/ShortApi.Bench')
    }
}
