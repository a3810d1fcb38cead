# Starts a new process of the PowerShell that runs this script. Dot-sourced by build.ps1 and the
# Pester tests: a binary module cannot be unloaded, so anything that imports a freshly built one
# runs in a fresh process.
#
# "The same PowerShell" is whatever this process is: powershell.exe (5.1), an installed pwsh, or
# the pinned dotnet tool, which runs as `dotnet <PSHOME>/pwsh.dll` and has no launcher of its own
# that could be trusted to find the runtime.

function Get-PowerShellCommandLine {
    if ($PSVersionTable.PSEdition -ne 'Core') {
        return , @(Join-Path $PSHOME 'powershell.exe')
    }

    $process = [System.Diagnostics.Process]::GetCurrentProcess()
    try {
        $executable = $process.MainModule.FileName
    }
    finally {
        $process.Dispose()
    }

    if ([System.IO.Path]::GetFileNameWithoutExtension($executable) -eq 'dotnet') {
        return , @($executable, (Join-Path $PSHOME 'pwsh.dll'))
    }

    , @($executable)
}

function Invoke-PowerShellProcess {
    # Runs a script file in a new process without profile or prompts; sets $LASTEXITCODE.
    param(
        [Parameter(Mandatory = $true)] [string] $File,
        [string[]] $ArgumentList = @()
    )

    $commandLine = Get-PowerShellCommandLine
    $arguments = @($commandLine | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $File) + $ArgumentList
    & $commandLine[0] @arguments
}
