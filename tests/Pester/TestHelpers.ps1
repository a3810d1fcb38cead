# Shared by the *.Tests.ps1 files here: dot-source it in BeforeAll.
# Works on Windows PowerShell 5.1 and PowerShell 7 (no PS7-only syntax).
#
# The tests drive the module as `dotnet build` lays it out in out/ShortApi, against the local
# emulator (Start-ShortApiEmulator) on 127.0.0.1. Run `dotnet build` first.

$script:RepoRoot = [System.IO.Path]::GetFullPath((Join-Path (Join-Path $PSScriptRoot '..') '..'))
$script:ModuleFolder = Join-Path (Join-Path $script:RepoRoot 'out') 'ShortApi'
$script:ModuleManifest = Join-Path $script:ModuleFolder 'ShortApi.psd1'
$script:SamplesFolder = Join-Path $script:RepoRoot 'samples'
$script:SampleStills = @('forest.png', 'harbor.png', 'sunrise.png')

if (-not (Test-Path -LiteralPath $script:ModuleManifest)) {
    throw "The built module is missing at $script:ModuleManifest. Run 'dotnet build' in $script:RepoRoot first."
}

function Import-ShortApiModule {
    # -Force re-imports; removing the old copy also stops an emulator a previous file left running.
    Import-Module -Name $script:ModuleManifest -Force -ErrorAction Stop
}

function New-StillFolder {
    <#
        Copies the repository's sample stills into a new folder under $TestDrive and returns the folder.
        -Copies N makes N numbered copies of each (forest-1.png, ...), for long batches.
    #>
    param(
        [Parameter(Mandatory = $true)] [string] $Name,
        [int] $Copies = 0
    )

    $folder = Join-Path $TestDrive $Name
    New-Item -ItemType Directory -Path $folder -Force | Out-Null
    foreach ($still in $script:SampleStills) {
        $source = Join-Path $script:SamplesFolder $still
        if ($Copies -le 0) {
            Copy-Item -LiteralPath $source -Destination (Join-Path $folder $still)
        }
        else {
            $stem = [System.IO.Path]::GetFileNameWithoutExtension($still)
            for ($i = 1; $i -le $Copies; $i++) {
                Copy-Item -LiteralPath $source -Destination (Join-Path $folder ('{0}-{1}.png' -f $stem, $i))
            }
        }
    }

    $folder
}

function Get-HostText {
    <#
        Runs the script block and returns what it wrote to the host (such as -WhatIf's "What if:"
        lines, which go to the host rather than to a stream), captured with a transcript.
    #>
    param([Parameter(Mandatory = $true)] [scriptblock] $ScriptBlock)

    $path = Join-Path $TestDrive ('host-{0}.txt' -f [guid]::NewGuid().ToString('N'))
    Start-Transcript -LiteralPath $path -Force | Out-Null
    try {
        . $ScriptBlock | Out-Null
    }
    finally {
        Stop-Transcript | Out-Null
    }

    Get-Content -LiteralPath $path -Raw
}

function Invoke-Isolated {
    <#
        Runs a script in a new runspace (no host: anything that would prompt fails instead of
        hanging the test run) with the module imported there. The module's connection and emulator
        are per process, so the new runspace sees the emulator this session started.
        Returns every stream: Output, Error, Warning, Verbose, Debug, Information, Progress, plus
        Failure (a terminating error that ended the script) and ErrorVariable (the runspace's $Error).
    #>
    param(
        [Parameter(Mandatory = $true)] [scriptblock] $ScriptBlock,
        [object[]] $ArgumentList = @(),
        [int] $TimeoutSeconds = 120
    )

    $ps = [powershell]::Create()
    try {
        [void] $ps.AddCommand('Import-Module').AddParameter('Name', $script:ModuleManifest).AddParameter('ErrorAction', 'Stop')
        [void] $ps.AddStatement().AddScript($ScriptBlock.ToString())
        foreach ($argument in $ArgumentList) {
            [void] $ps.AddArgument($argument)
        }

        $async = $ps.BeginInvoke()
        if (-not $async.AsyncWaitHandle.WaitOne([TimeSpan]::FromSeconds($TimeoutSeconds))) {
            $ps.Stop()
            throw "The isolated script did not finish within $TimeoutSeconds s."
        }

        $output = @()
        $failure = $null
        try {
            $output = @($ps.EndInvoke($async))
        }
        catch {
            $failure = $_.Exception
            while ($failure -is [System.Management.Automation.MethodInvocationException] -and $null -ne $failure.InnerException) {
                $failure = $failure.InnerException
            }
        }

        [pscustomobject]@{
            Output        = $output
            Error         = @($ps.Streams.Error)
            Warning       = @($ps.Streams.Warning)
            Verbose       = @($ps.Streams.Verbose)
            Debug         = @($ps.Streams.Debug)
            Information   = @($ps.Streams.Information)
            Progress      = @($ps.Streams.Progress)
            Failure       = $failure
            ErrorVariable = @($ps.Runspace.SessionStateProxy.GetVariable('Error'))
        }
    }
    finally {
        $ps.Dispose()
    }
}

function ConvertTo-SearchableText {
    <#
        Everything a person or a log could see of an object, as lines of text: its formatted
        properties, and for errors the whole exception chain, details, target and position.
    #>
    param([Parameter(ValueFromPipeline = $true)] [object] $InputObject)

    process {
        if ($null -eq $InputObject) {
            return
        }

        $texts = New-Object System.Collections.Generic.List[string]
        $texts.Add([string] $InputObject)
        $texts.Add(($InputObject | Format-List -Property * -Force | Out-String -Width 4096))

        $record = $InputObject
        if ($InputObject -is [System.Management.Automation.IContainsErrorRecord]) {
            $record = $InputObject.ErrorRecord
        }

        if ($record -is [System.Management.Automation.ErrorRecord]) {
            $texts.Add([string] $record.FullyQualifiedErrorId)
            $texts.Add([string] $record.CategoryInfo)
            $texts.Add([string] $record.ScriptStackTrace)
            if ($null -ne $record.ErrorDetails) {
                $texts.Add([string] $record.ErrorDetails.Message)
                $texts.Add([string] $record.ErrorDetails.RecommendedAction)
            }

            if ($null -ne $record.TargetObject) {
                $texts.Add(($record.TargetObject | Format-List -Property * -Force | Out-String -Width 4096))
            }

            if ($null -ne $record.InvocationInfo) {
                $texts.Add([string] $record.InvocationInfo.PositionMessage)
            }

            $exception = $record.Exception
            while ($null -ne $exception) {
                $texts.Add($exception.ToString())
                $texts.Add(($exception | Format-List -Property * -Force | Out-String -Width 4096))
                $exception = $exception.InnerException
            }
        }
        elseif ($InputObject -is [System.Exception]) {
            $texts.Add($InputObject.ToString())
        }

        foreach ($text in $texts) {
            foreach ($line in ($text -split "`r?`n")) {
                if ($line.Trim().Length -gt 0) {
                    $line
                }
            }
        }
    }
}

function Get-FileText {
    # Every file under a folder, read as text (binary files too: the bytes of a key would still show).
    param([Parameter(Mandatory = $true)] [string] $Path)

    Get-ChildItem -LiteralPath $Path -Recurse -Force -File | ForEach-Object {
        [pscustomobject]@{ Path = $_.FullName; Text = [System.IO.File]::ReadAllText($_.FullName) }
    }
}
