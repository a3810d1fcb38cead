# Proxies: Connect-ShortApi -Proxy sends every request through one, the emulator's on loopback
# included; without it the platform's settings apply, and never to this machine.
#
# The proxy is tests/ShortApi.TestSupport's ForwardingProxy (a .NET 10 assembly, so PowerShell 7
# only): it listens on 127.0.0.1, forwards only to 127.0.0.1, and counts what passes.

BeforeDiscovery {
    # The test proxy is built for .NET 10, which Windows PowerShell cannot load.
    $script:NoTestProxy = $PSVersionTable.PSEdition -ne 'Core'
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path (Join-Path $script:RepoRoot 'build') 'PowerShellProcess.ps1')
    Import-ShortApiModule

    # After the module, so the test assembly finds the module's ShortApi assemblies already loaded.
    $built = Get-ChildItem -Path (Join-Path $script:RepoRoot 'tests/ShortApi.TestSupport/bin/*/net10.0/ShortApi.TestSupport.dll') -ErrorAction SilentlyContinue |
        Sort-Object LastWriteTimeUtc -Descending | Select-Object -First 1
    if ($null -eq $built) {
        throw "tests/ShortApi.TestSupport is not built. Run 'dotnet build ShortApi.PowerShell.sln' in $script:RepoRoot first."
    }

    Add-Type -Path $built.FullName

    $script:ProxyUser = 'proxy-user'
    $script:ProxyPassword = 'proxy-pw-7e21c9'
    $script:ProxyCredential = New-Object System.Management.Automation.PSCredential($script:ProxyUser, (ConvertTo-SecureString $script:ProxyPassword -AsPlainText -Force))

    function Connect-Emulator {
        # Connects the session to the emulator, with whatever proxy parameters are given.
        param([hashtable] $Proxy = @{})
        Connect-ShortApi -ApiKey $script:Key -Endpoint $script:Emulator.BaseAddress @Proxy
    }

    function Invoke-OneJob {
        # One job from create to download; returns the files written.
        param([Parameter(Mandatory = $true)] [string] $Name)
        $out = Join-Path $TestDrive $Name
        New-ShortApiVideoJob -Model vidu-q3 -Mode turbo -Prompt 'A slow pan' -Image (Join-Path $script:SamplesFolder 'forest.png') -ErrorAction Stop |
            Wait-ShortApiJob -OutputDirectory $out -ErrorAction Stop | Out-Null
        @(Get-ChildItem -LiteralPath $out -File)
    }

    function Get-EmulatorCount {
        $stats = $script:Emulator.Stats
        [pscustomobject]@{ Creates = $stats.CreateRequests; Queries = $stats.QueryRequests; Downloads = $stats.Downloads }
    }
}

Describe 'Connect-ShortApi -Proxy' -Skip:$NoTestProxy {
    BeforeAll {
        Stop-ShortApiEmulator
        $script:Emulator = Start-ShortApiEmulator -NoConnect -JobSeconds 1
        $script:Key = ConvertTo-SecureString $script:Emulator.Options.ApiKey -AsPlainText -Force
    }

    AfterAll {
        Disconnect-ShortApi
        Stop-ShortApiEmulator
    }

    AfterEach {
        if ($null -ne $proxy) { $proxy.Dispose() }
    }

    It 'sends the create, the status queries and the download through the proxy' {
        $proxy = [ShortApi.TestSupport.ForwardingProxy]::Start()
        Connect-Emulator @{ Proxy = $proxy.Address }
        $before = Get-EmulatorCount

        $files = Invoke-OneJob -Name 'through'

        $after = Get-EmulatorCount
        $files.Count | Should -Be 1
        $proxy.CountFor('/api/v1/job/create') | Should -Be ($after.Creates - $before.Creates)
        $proxy.CountFor('/api/v1/job/query') | Should -Be ($after.Queries - $before.Queries)
        $proxy.CountFor('/files/') | Should -Be ($after.Downloads - $before.Downloads)
        $proxy.CountFor('/api/v1/job/create') | Should -Be 1
        $proxy.CountFor('/files/') | Should -Be 1
    }

    It 'stops at once with ShortApi.ProxyAuthenticationFailed when the proxy wants credentials' {
        $proxy = [ShortApi.TestSupport.ForwardingProxy]::Start($ProxyUser, $ProxyPassword)
        Connect-Emulator @{ Proxy = $proxy.Address }

        $failure = $null
        try { Invoke-OneJob -Name 'refused' } catch { $failure = $_ }

        $failure | Should -Not -BeNullOrEmpty
        $failure.FullyQualifiedErrorId | Should -BeLike 'ShortApi.ProxyAuthenticationFailed,*'
        $failure.Exception.Message | Should -BeLike "*proxy http://127.0.0.1:$($proxy.Port) refused*407*"
        $failure.ErrorDetails.RecommendedAction | Should -BeLike '*-ProxyCredential*'
        $proxy.AuthenticationRefusals | Should -Be 1
        $proxy.Forwarded | Should -Be 0
    }

    It 'signs in with -ProxyCredential, and shows neither the key nor the password' {
        $proxy = [ShortApi.TestSupport.ForwardingProxy]::Start($ProxyUser, $ProxyPassword)
        $connection = Connect-Emulator @{ Proxy = $proxy.Address; ProxyCredential = $ProxyCredential; PassThru = $true }

        $files = Invoke-OneJob -Name 'signed-in'

        $files.Count | Should -Be 1
        $proxy.CountFor('/api/v1/job/create') | Should -Be 1
        $proxy.CountFor('/files/') | Should -Be 1
        $connection.Proxy | Should -Be "http://127.0.0.1:$($proxy.Port)"
        $shown = ($connection | ConvertTo-SearchableText) -join "`n"
        $shown | Should -Not -BeLike "*$ProxyPassword*"
        $shown | Should -Not -BeLike "*$($script:Emulator.Options.ApiKey)*"
    }

    It 'is refused at once when it would carry the emulator''s key in clear to another machine' {
        { Connect-Emulator @{ Proxy = 'http://proxy.example.com:8080' } } | Should -Throw -ErrorId 'ShortApi.InsecureEndpoint,*'
    }

    It 'takes -ProxyCredential only with -Proxy' {
        # In a runspace without a host, so the missing -Proxy fails instead of being prompted for.
        $run = Invoke-Isolated -ArgumentList $script:Key, $ProxyCredential -ScriptBlock {
            param($key, $credential)
            Connect-ShortApi -ApiKey $key -ProxyCredential $credential
        }

        "$($run.Failure) $($run.Error)" | Should -BeLike '*Proxy*'
    }

    It 'is no longer used after Disconnect-ShortApi' {
        $proxy = [ShortApi.TestSupport.ForwardingProxy]::Start()
        Connect-Emulator @{ Proxy = $proxy.Address }
        $job = New-ShortApiVideoJob -Model vidu-q3 -Mode turbo -Prompt 'A kite' -Image (Join-Path $script:SamplesFolder 'harbor.png')
        $proxy.Forwarded | Should -Be 1

        Disconnect-ShortApi
        $before = Get-EmulatorCount
        Get-ShortApiJob -JobId $job.JobId -ApiKey $script:Key -Endpoint $script:Emulator.BaseAddress | Out-Null

        (Get-EmulatorCount).Queries | Should -Be ($before.Queries + 1)
        $proxy.Forwarded | Should -Be 1
    }
}

Describe 'The platform proxy (HTTPS_PROXY, HTTP_PROXY)' -Skip:$NoTestProxy {
    BeforeAll {
        Stop-ShortApiEmulator
        $script:Emulator = Start-ShortApiEmulator -NoConnect -JobSeconds 1
        $script:Key = ConvertTo-SecureString $script:Emulator.Options.ApiKey -AsPlainText -Force

        # .NET reads the proxy variables once per process, so a new PowerShell runs the commands.
        $script:Child = Join-Path $TestDrive 'platform-proxy.ps1'
        Set-Content -LiteralPath $script:Child -Value @'
param($Manifest, $Endpoint, $Key)
Import-Module $Manifest -ErrorAction Stop
$secure = ConvertTo-SecureString $Key -AsPlainText -Force
foreach ($endpoint in @($Endpoint, 'https://api.shortapi.invalid')) {
    try { Get-ShortApiJob -JobId 'job-proxy-check' -ApiKey $secure -Endpoint $endpoint -ErrorAction Stop | Out-Null; 'ok' }
    catch { $_.FullyQualifiedErrorId.Split(',')[0] }
}
'@
    }

    AfterAll {
        Stop-ShortApiEmulator
    }

    It 'carries https to other hosts, and leaves the emulator on this machine alone' {
        $proxy = [ShortApi.TestSupport.ForwardingProxy]::Start($ProxyUser, $ProxyPassword)
        # Both spellings: .NET on Linux and macOS reads the lower-case ones first.
        $names = 'HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'http_proxy', 'https_proxy', 'no_proxy', 'ALL_PROXY', 'all_proxy'
        $saved = @{}
        foreach ($name in $names) { $saved[$name] = [Environment]::GetEnvironmentVariable($name) }
        try {
            foreach ($name in $names) { [Environment]::SetEnvironmentVariable($name, $null) }
            foreach ($name in 'HTTP_PROXY', 'HTTPS_PROXY') { [Environment]::SetEnvironmentVariable($name, $proxy.Address.AbsoluteUri) }
            $before = Get-EmulatorCount

            $answers = @(Invoke-PowerShellProcess -File $script:Child -ArgumentList @($script:ModuleManifest, $script:Emulator.BaseAddress.AbsoluteUri, $script:Emulator.Options.ApiKey))
        }
        finally {
            foreach ($name in $names) { [Environment]::SetEnvironmentVariable($name, $null) }
            foreach ($name in $names) { if ($null -ne $saved[$name]) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) } }
            $proxy.Dispose()
        }

        # The emulator answered the first query itself (it knows no such job)...
        $answers[0] | Should -Be 'ShortApi.JobNotFound'
        (Get-EmulatorCount).Queries | Should -Be ($before.Queries + 1)
        $proxy.Forwarded | Should -Be 0
        # ...and the https one went to the proxy, which wanted credentials: no request left this machine.
        $answers[1] | Should -Be 'ShortApi.ProxyAuthenticationFailed'
        $proxy.AuthenticationRefusals | Should -Be 1
    }
}
