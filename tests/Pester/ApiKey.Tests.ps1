# The key: a missing one is a clear terminating error; a given one never shows anywhere.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-ShortApiModule
}

Describe 'With no API key anywhere' {
    BeforeAll {
        # No emulator: nothing may be sent, and there is nothing to send it to. The key and endpoint
        # variables are set aside (and restored in AfterAll) so the user's own settings play no part.
        Stop-ShortApiEmulator
        Disconnect-ShortApi
        $savedKey = $env:SHORTAPI_KEY
        $savedEndpoint = $env:SHORTAPI_BASE_URL
        Remove-Item -Path 'Env:SHORTAPI_KEY' -ErrorAction SilentlyContinue
        $env:SHORTAPI_BASE_URL = 'http://127.0.0.1:9/'
        $still = Join-Path $SamplesFolder 'forest.png'
    }

    AfterAll {
        if ($null -ne $savedKey) { $env:SHORTAPI_KEY = $savedKey } else { Remove-Item -Path 'Env:SHORTAPI_KEY' -ErrorAction SilentlyContinue }
        if ($null -ne $savedEndpoint) { $env:SHORTAPI_BASE_URL = $savedEndpoint } else { Remove-Item -Path 'Env:SHORTAPI_BASE_URL' -ErrorAction SilentlyContinue }
    }

    It 'New-ShortApiVideoJob stops with a terminating ShortApi.MissingApiKey error' {
        $stopped = $null
        $reachedEnd = $false
        try {
            # -ErrorAction SilentlyContinue would hide a non-terminating error: only a terminating one reaches catch.
            New-ShortApiVideoJob -Model vidu-q3 -Prompt 'a slow pan' -Image $still -ErrorAction SilentlyContinue
            $reachedEnd = $true
        }
        catch {
            $stopped = $_
        }

        $reachedEnd | Should -BeFalse
        $stopped.FullyQualifiedErrorId | Should -BeLike 'ShortApi.MissingApiKey*'
        $stopped.CategoryInfo.Category | Should -Be 'AuthenticationError'
    }

    It 'the error says how to set a key: -ApiKey, Connect-ShortApi or $env:SHORTAPI_KEY' {
        $message = $null
        try {
            New-ShortApiVideoJob -Model vidu-q3 -Prompt 'a slow pan' -Image $still
        }
        catch {
            $message = $_.Exception.Message
        }

        $message | Should -Not -BeNullOrEmpty

        $message | Should -BeLike '*-ApiKey*'
        $message | Should -BeLike '*Connect-ShortApi*'
        $message | Should -BeLike '*$env:SHORTAPI_KEY*'
    }

    It 'Wait-ShortApiJob and Get-ShortApiJob stop the same way' {
        { Get-ShortApiJob -JobId 'job_0000010000' } | Should -Throw -ErrorId 'ShortApi.MissingApiKey,*'
        { Wait-ShortApiJob -JobId 'job_0000010000' } | Should -Throw -ErrorId 'ShortApi.MissingApiKey,*'
    }
}

Describe 'The API key never shows' {
    BeforeAll {
        $secret = 'PESTER-SECRET-KEY-2f7d41c9b0'
        # The emulator's own key is a key too: it must not show either.
        $emulatorKey = 'emulator-local-key'
        $work = New-StillFolder -Name 'keyed'
        Set-Content -LiteralPath (Join-Path $work 'notes.png') -Value 'this is text, not a picture'

        # Every run: verbose and debug on, without 5.1's debug prompt (-Debug means Inquire there).
        $runScript = {
            param($secretText, $endpoint, $work, $journalName, $prompt)
            $ErrorActionPreference = 'Continue'
            $VerbosePreference = 'Continue'
            $DebugPreference = 'Continue'
            $common = @{ Verbose = $true }
            if ($PSVersionTable.PSVersion.Major -ge 6) { $common['Debug'] = $true }

            $key = ConvertTo-SecureString -String $secretText -AsPlainText -Force
            $journal = Join-Path $work $journalName
            $out = Join-Path $work ($journalName + '.out')
            $stills = Join-Path $work '*.png'

            # 1. Connected with the key: a whole batch, including a rejected input.
            Connect-ShortApi -ApiKey $key -Endpoint $endpoint -PassThru @common
            Get-ChildItem -Path $stills | New-ShortApiVideoJob -Model vidu-q3 -Prompt $prompt -JournalPath $journal @common |
                Wait-ShortApiJob -JournalPath $journal @common |
                Save-ShortApiJobOutput -Path $out @common
            Get-ShortApiJob -JournalPath $journal -Offline @common
            Get-ShortApiJob -JobId 'job_0000010000' @common
            Disconnect-ShortApi @common

            # 2. The same key given with -ApiKey on each command.
            $jobs = Get-ChildItem -Path $stills | New-ShortApiVideoJob -Model vidu-q3 -Prompt ($prompt + ' again') -ApiKey $key -Endpoint $endpoint @common
            $jobs
            $jobs | Wait-ShortApiJob -ApiKey $key -Endpoint $endpoint @common | Save-ShortApiJobOutput -Path $out -ApiKey $key -Endpoint $endpoint @common
            $jobs | Get-ShortApiJob -ApiKey $key -Endpoint $endpoint @common
        }

        $runs = New-Object System.Collections.Generic.List[object]

        # A refused key: the emulator answers 401 to everything.
        $emulator = Start-ShortApiEmulator -JobSeconds 1 -NoConnect
        $endpoint = $emulator.BaseAddress.AbsoluteUri
        $runs.Add((Invoke-Isolated -ScriptBlock $runScript -ArgumentList $secret, $endpoint, $work, 'refused.jsonl', 'refused'))
        $refusedCount = $emulator.Stats.Unauthorized
        Stop-ShortApiEmulator

        # The emulator's key, with every job failing (and refunded).
        $emulator = Start-ShortApiEmulator -JobSeconds 1 -FailureRate 1 -NoConnect
        $endpoint = $emulator.BaseAddress.AbsoluteUri
        $runs.Add((Invoke-Isolated -ScriptBlock $runScript -ArgumentList $emulatorKey, $endpoint, $work, 'failing.jsonl', 'failing'))
        $failedCount = @($emulator.Jobs).Count
        Stop-ShortApiEmulator

        # The emulator's key, every job succeeding and downloaded.
        $emulator = Start-ShortApiEmulator -JobSeconds 1 -NoConnect
        $endpoint = $emulator.BaseAddress.AbsoluteUri
        $runs.Add((Invoke-Isolated -ScriptBlock $runScript -ArgumentList $emulatorKey, $endpoint, $work, 'working.jsonl', 'working'))
        $downloadCount = $emulator.Stats.Downloads

        $allErrors = @($runs | ForEach-Object { $_.Error; $_.ErrorVariable; $_.Failure } | Where-Object { $null -ne $_ })
        $errorIds = @($allErrors | ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { $_.FullyQualifiedErrorId } })

        function Find-Key {
            # The lines that contain either key.
            param([Parameter(ValueFromPipeline = $true)] [string] $Line)
            process {
                if ($Line.IndexOf($secret, [System.StringComparison]::OrdinalIgnoreCase) -ge 0 -or
                    $Line.IndexOf($emulatorKey, [System.StringComparison]::OrdinalIgnoreCase) -ge 0) {
                    $Line
                }
            }
        }
    }

    AfterAll {
        Stop-ShortApiEmulator
    }

    It 'the runs went through refused keys, rejected inputs, failed jobs and downloads' {
        $refusedCount | Should -BeGreaterThan 0
        $failedCount | Should -BeGreaterThan 0
        $downloadCount | Should -BeGreaterThan 0
        $errorIds | Where-Object { $_ -like 'ShortApi.AuthenticationFailed*' } | Should -Not -BeNullOrEmpty
        $errorIds | Where-Object { $_ -like 'ShortApi.ImageRejected*' } | Should -Not -BeNullOrEmpty
        $errorIds | Where-Object { $_ -like 'ShortApi.JobFailed*' } | Should -Not -BeNullOrEmpty
        @($runs | ForEach-Object { $_.Verbose }).Count | Should -BeGreaterThan 0
        @($runs | ForEach-Object { $_.Debug }).Count | Should -BeGreaterThan 0
        @($runs | ForEach-Object { $_.Output }).Count | Should -BeGreaterThan 0
        # and the search below does find a key where there is one
        @("Authorization: Bearer $secret", "key=$emulatorKey" | Find-Key).Count | Should -Be 2
    }

    It 'is not in any output object' {
        @($runs | ForEach-Object { $_.Output } | ConvertTo-SearchableText | Find-Key) | Should -BeNullOrEmpty
    }

    It 'is not in any error record or $Error' {
        @($allErrors | ConvertTo-SearchableText | Find-Key) | Should -BeNullOrEmpty
    }

    It 'is not in verbose or debug text' {
        @($runs | ForEach-Object { $_.Verbose; $_.Debug } | ConvertTo-SearchableText | Find-Key) | Should -BeNullOrEmpty
    }

    It 'is not in warnings, information or progress' {
        @($runs | ForEach-Object { $_.Warning; $_.Information; $_.Progress } | ConvertTo-SearchableText | Find-Key) | Should -BeNullOrEmpty
    }

    It 'is not in the journal or any file written' {
        $files = @(Get-FileText -Path $work)
        @($files | Where-Object { $_.Path -like '*.jsonl' }).Count | Should -Be 3
        @($files | Where-Object { $_.Path -like '*.mp4' }).Count | Should -BeGreaterThan 0
        @($files | ForEach-Object { $_.Text } | Find-Key) | Should -BeNullOrEmpty
    }
}
