# Ctrl+C: a running batch stops promptly and leaves nothing half-written.
# The batch runs in its own runspace and is stopped with PowerShell.Stop(), which is what Ctrl+C does.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-ShortApiModule

    function Start-Batch {
        # Starts "stills | New-ShortApiVideoJob | Wait-ShortApiJob -OutputDirectory" in a new runspace.
        param([string] $Stills, [string] $Out, [int] $ThrottleLimit)
        $ps = [powershell]::Create()
        [void] $ps.AddCommand('Import-Module').AddParameter('Name', $ModuleManifest).AddParameter('ErrorAction', 'Stop')
        [void] $ps.AddStatement().AddScript({
                param($stills, $out, $throttle)
                Get-ChildItem -Path (Join-Path $stills '*.png') |
                    New-ShortApiVideoJob -Model vidu-q3 -Prompt 'a slow pan' -ThrottleLimit $throttle |
                    Wait-ShortApiJob -OutputDirectory $out
            }.ToString()).AddArgument($Stills).AddArgument($Out).AddArgument($ThrottleLimit)
        $handle = $ps.BeginInvoke()
        [pscustomobject]@{ PowerShell = $ps; Handle = $handle }
    }

    function Wait-Until {
        param([scriptblock] $Condition, [int] $TimeoutSeconds = 20)
        $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
        while (-not (& $Condition)) {
            if ([DateTime]::UtcNow -gt $deadline) { throw "Timed out after $TimeoutSeconds s waiting for: $Condition" }
            Start-Sleep -Milliseconds 50
        }
    }

    function Stop-Batch {
        # Stops the batch as Ctrl+C would; returns how long the stop took (at most 15 s are waited).
        param($Batch)
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $stopping = $Batch.PowerShell.BeginStop($null, $null)
        $stoppedInTime = $stopping.AsyncWaitHandle.WaitOne([TimeSpan]::FromSeconds(15))
        $watch.Stop()
        [pscustomobject]@{
            Stopped = $stoppedInTime
            Seconds = $watch.Elapsed.TotalSeconds
            State   = $Batch.PowerShell.InvocationStateInfo.State
        }
    }

    function Get-Leftover {
        # Anything in the output folder that is not a complete video: temporary files, short files.
        param([string] $Out, [long] $Length)
        if (Test-Path -LiteralPath $Out) {
            Get-ChildItem -LiteralPath $Out -Recurse -Force -File |
                Where-Object { $_.Name -like '*.partial' -or $_.Name -notlike '*.mp4' -or $_.Length -ne $Length } |
                ForEach-Object { '{0} ({1} bytes)' -f $_.Name, $_.Length }
        }
    }
}

Describe 'Ctrl+C' {
    BeforeAll {
        # Slow creates and queries (1.5 s each) keep the batch busy long enough to stop it mid-way.
        $emulator = Start-ShortApiEmulator -JobSeconds 1 -LatencyMilliseconds 1500
        $stills = New-StillFolder -Name 'many' -Copies 4
        $videoLength = [long] $emulator.Options.OutputBytes
    }

    AfterAll {
        Stop-ShortApiEmulator
    }

    It 'stops a batch while it is still submitting, within a few seconds' {
        $out = Join-Path $TestDrive 'while-submitting'
        $batch = Start-Batch -Stills $stills -Out $out -ThrottleLimit 2
        try {
            Wait-Until { $emulator.Stats.CreateRequests -ge 1 }
            Start-Sleep -Milliseconds 500

            $stop = Stop-Batch $batch

            $stop.Stopped | Should -BeTrue -Because 'the pipeline must end after Stop()'
            $stop.Seconds | Should -BeLessThan 5
            $stop.State | Should -Be 'Stopped'
            @(Get-Leftover -Out $out -Length $videoLength) | Should -BeNullOrEmpty
        }
        finally {
            $batch.PowerShell.Dispose()
        }
    }

    It 'stops a batch while it is waiting and downloading, within a few seconds, leaving only complete videos' {
        $out = Join-Path $TestDrive 'while-waiting'
        # Two creates at a time: when the first video downloads, most of the batch is still to come.
        $batch = Start-Batch -Stills $stills -Out $out -ThrottleLimit 2
        try {
            $downloadsBefore = $emulator.Stats.Downloads
            Wait-Until { $emulator.Stats.Downloads -gt $downloadsBefore }

            $stop = Stop-Batch $batch

            $stop.Stopped | Should -BeTrue -Because 'the pipeline must end after Stop()'
            $stop.Seconds | Should -BeLessThan 5
            $stop.State | Should -Be 'Stopped' -Because 'the batch was still running when stopped'
            @(Get-Leftover -Out $out -Length $videoLength) | Should -BeNullOrEmpty
        }
        finally {
            $batch.PowerShell.Dispose()
        }
    }

    It 'leaves nothing half-written once the cancelled requests have settled' {
        Start-Sleep -Seconds 2
        @(Get-Leftover -Out (Join-Path $TestDrive 'while-submitting') -Length $videoLength) | Should -BeNullOrEmpty
        @(Get-Leftover -Out (Join-Path $TestDrive 'while-waiting') -Length $videoLength) | Should -BeNullOrEmpty
    }
}
