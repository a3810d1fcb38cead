<#
.SYNOPSIS
    Runs tests/Pester with the given Pester module and ends with "Pester: N passed, N failed".
    Started by build.ps1 in a fresh PowerShell process (the module under test cannot be unloaded).
#>
param(
    [Parameter(Mandatory = $true)] [string] $PesterManifest,
    [Parameter(Mandatory = $true)] [string] $TestPath
)

$ErrorActionPreference = 'Stop'
Import-Module -Name $PesterManifest -ErrorAction Stop

$configuration = New-PesterConfiguration
$configuration.Run.Path = $TestPath
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Detailed'
$result = Invoke-Pester -Configuration $configuration

# A failure outside any test (a BeforeAll, a whole file that cannot load) counts as a failure too.
$failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
Write-Host ('Pester: {0} passed, {1} failed' -f $result.PassedCount, $failed)
if ($result.Result -ne 'Passed') { exit 1 }
exit 0
