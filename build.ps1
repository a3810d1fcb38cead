<#
.SYNOPSIS
    Builds, tests and packages ShortApi. A thin layer over dotnet.
.DESCRIPTION
    Build   (default) compiles everything and lays out the importable module in out/ShortApi.
    Test    builds once, runs the xunit tests (client, emulator, in-process hosting), then the
            Pester tests in tests/Pester with the pinned Pester (restored from NuGet), and ends
            with the line "Pester: N passed, N failed".
    Package builds the module and writes out/packages/ShortApi.<version>.nupkg, a package that
            Publish-PSResource and Install-PSResource take from a local folder repository.
    Demo    builds the module only, then runs samples/Demo.ps1 in a fresh session: the stills in
            samples/ become saved videos through the full pipeline, against the emulator unless
            SHORTAPI_KEY is set.
    Bench   runs the batch benchmark (bench/) and writes bench/RESULTS.md.

    On a machine with only the .NET SDK: `dotnet tool restore` once, then `dotnet pwsh ./build.ps1`.
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
. (Join-Path $PSScriptRoot 'build/PowerShellProcess.ps1')

$solution = Join-Path $PSScriptRoot 'ShortApi.PowerShell.sln'
$moduleProject = Join-Path $PSScriptRoot 'src/ShortApi.PowerShell/ShortApi.PowerShell.csproj'
$moduleFolder = Join-Path $PSScriptRoot 'out/ShortApi'

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE." }
}

# The pinned Pester, restored into the NuGet package folder; never one installed on the machine.
function Get-PesterManifest {
    Invoke-Dotnet restore (Join-Path $PSScriptRoot 'build/Pester/Pester.Restore.csproj') --verbosity quiet
    $packages = $env:NUGET_PACKAGES
    if (-not $packages) {
        $listing = & dotnet nuget locals global-packages --list
        if ($LASTEXITCODE -ne 0) { throw 'dotnet nuget locals global-packages --list failed.' }
        $packages = ($listing -replace '^global-packages:\s*', '').Trim()
    }

    $manifest = Join-Path $packages 'pester/5.9.1/tools/Pester.psd1'
    if (-not (Test-Path -LiteralPath $manifest)) { throw "Pester 5.9.1 was restored, but $manifest is missing." }
    $manifest
}

function Invoke-PesterTests {
    # Out-Host: the child's lines are the run's report, not this function's result.
    Invoke-PowerShellProcess -File (Join-Path $PSScriptRoot 'build/Invoke-PesterSuite.ps1') -ArgumentList @(
        '-PesterManifest', (Get-PesterManifest), '-TestPath', (Join-Path $PSScriptRoot 'tests/Pester')) | Out-Host
    $LASTEXITCODE -eq 0
}

function New-ModulePackage {
    $destination = Join-Path $PSScriptRoot 'out/packages'
    New-Item -ItemType Directory -Path $destination -Force | Out-Null
    $version = (Import-PowerShellDataFile -LiteralPath (Join-Path $moduleFolder 'ShortApi.psd1')).ModuleVersion
    $package = Join-Path $destination "ShortApi.$version.nupkg"
    Remove-Item -LiteralPath $package -Force -ErrorAction SilentlyContinue
    # Compress-PSResource is PSResourceGet's own packer (in the box since PowerShell 7.4): what it
    # writes is what Publish-PSResource would upload to a gallery.
    Compress-PSResource -Path $moduleFolder -DestinationPath $destination
    if (-not (Test-Path -LiteralPath $package)) { throw "Compress-PSResource did not write $package." }
    Write-Host "Packaged $package"
}

switch ($Task) {
    'Build' { Invoke-Dotnet build $solution -c $Configuration }
    'Test' {
        Invoke-Dotnet build $solution -c $Configuration
        # Both suites run even when the first fails, so one run shows every failure.
        & dotnet test $solution -c $Configuration --no-build
        $xunitPassed = $LASTEXITCODE -eq 0
        $pesterPassed = Invoke-PesterTests
        if (-not $xunitPassed) { throw 'The xunit tests failed (see above).' }
        if (-not $pesterPassed) { throw 'The Pester tests failed (see above).' }
    }
    'Package' {
        Invoke-Dotnet build $moduleProject -c $Configuration
        New-ModulePackage
    }
    'Demo' {
        Invoke-Dotnet build $moduleProject -c $Configuration
        Invoke-PowerShellProcess -File (Join-Path $PSScriptRoot 'samples/Demo.ps1')
        if ($LASTEXITCODE -ne 0) { throw "The demo failed (exit code $LASTEXITCODE)." }
    }
    'Bench' {
        Invoke-Dotnet run -c Release --project (Join-Path $PSScriptRoot 'bench/ShortApi.Bench')
    }
}
