<#
.SYNOPSIS
    Builds and tests ShortApi. A thin layer over dotnet.
.DESCRIPTION
    Build  (default) compiles everything; ShortApi.Client and ShortApi.Emulator land in their bin folders.
    Test   runs the xunit tests (the same command CI runs), then, where Pester 5 is installed, the
           Pester tests in tests/Pester against the module dotnet build lays out in out/ShortApi.
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

function Invoke-PesterTests {
    $pester = Get-Module -ListAvailable -Name Pester | Where-Object { $_.Version -ge [version] '5.0.0' } |
        Sort-Object -Property Version -Descending | Select-Object -First 1
    if (-not $pester) {
        Write-Warning 'Pester 5 is not installed, so only the xunit tests ran. To run tests/Pester too: Install-Module Pester -MinimumVersion 5.0.0 -Scope CurrentUser'
        return
    }

    Invoke-Dotnet build ShortApi.PowerShell.sln -c $Configuration
    # A fresh process of this same PowerShell: a binary module cannot be unloaded, so a copy already
    # imported here would be tested instead of the one just built.
    $exe = 'powershell.exe'
    if ($PSVersionTable.PSEdition -eq 'Core') { $exe = if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' } }
    $quote = { param($text) "'" + ($text -replace "'", "''") + "'" }
    $command = "Import-Module -Name $(& $quote $pester.Path) -ErrorAction Stop; " +
        "`$result = Invoke-Pester -Path $(& $quote (Join-Path $PSScriptRoot 'tests/Pester')) -Output Detailed -PassThru; " +
        "if (`$result.Result -ne 'Passed') { exit 1 }"
    & (Join-Path $PSHOME $exe) -NoProfile -NonInteractive -Command $command
    if ($LASTEXITCODE -ne 0) { throw "The Pester tests failed (exit code $LASTEXITCODE)." }
}

switch ($Task) {
    'Build' { Invoke-Dotnet build ShortApi.PowerShell.sln -c $Configuration }
    'Test' {
        Invoke-Dotnet test ShortApi.PowerShell.sln -c $Configuration
        Invoke-PesterTests
    }
}
