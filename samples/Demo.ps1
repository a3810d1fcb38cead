<#
.SYNOPSIS
    The main job, end to end: the stills in samples/ become saved videos through the full pipeline.
.DESCRIPTION
    Imports the built module from out/ShortApi. With no key set, it starts the built-in emulator,
    so nothing leaves this machine and nothing is charged. With $env:SHORTAPI_KEY set, it uses the
    real ShortAPI and asks before each job, showing its estimated cost.
#>
[CmdletBinding()]
param(
    [string] $OutputDirectory = (Join-Path $PSScriptRoot '../out/demo')
)

$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot '../out/ShortApi/ShortApi.psd1') -Force

$live = -not [string]::IsNullOrWhiteSpace($env:SHORTAPI_KEY)
if ($live) {
    Write-Host 'SHORTAPI_KEY is set: using the real ShortAPI. Each job is confirmed before it is sent.'
} else {
    $emulator = Start-ShortApiEmulator -JobSeconds 3
    Write-Host "No SHORTAPI_KEY: using the built-in emulator at $($emulator.BaseAddress)"
}

$started = [DateTime]::UtcNow
try {
    $jobs = Get-ChildItem -Path (Join-Path $PSScriptRoot '*.png') |
        New-ShortApiVideoJob -Model vidu-q3 -Mode turbo -Resolution 540p -Duration 4 -Prompt 'A slow, steady push-in; light shifts gently across the scene' -Confirm:$live |
        Wait-ShortApiJob -OutputDirectory $OutputDirectory

    $jobs | Format-Table -AutoSize | Out-Host
    # A file older than this run was already on disk and kept: say so rather than claim it was saved now.
    Write-Host "Videos in $((Resolve-Path $OutputDirectory).Path):"
    foreach ($file in $jobs.OutputFiles) {
        $note = if ((Get-Item -LiteralPath $file).LastWriteTimeUtc -lt $started) { ' (already on disk, kept)' } else { ' (saved now)' }
        Write-Host "  $file$note"
    }
} finally {
    if (-not $live) { Stop-ShortApiEmulator }
}
