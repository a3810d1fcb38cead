<#
.SYNOPSIS
    Builds and tests ShortApi. A thin layer over dotnet.
.DESCRIPTION
    Build  (default) compiles everything; ShortApi.Client and ShortApi.Emulator land in their bin folders.
    Test   runs the xunit tests (the same command CI runs).
.EXAMPLE
    ./build.ps1
.EXAMPLE
    ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test')]
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

switch ($Task) {
    'Build' { Invoke-Dotnet build ShortApi.PowerShell.sln -c $Configuration }
    'Test'  { Invoke-Dotnet test ShortApi.PowerShell.sln -c $Configuration }
}
