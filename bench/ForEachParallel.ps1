<#
.SYNOPSIS
    What a competent user writes without the module: ForEach-Object -Parallel around Invoke-RestMethod.

.DESCRIPTION
    The benchmark runs this against the emulator to compare it with the module (bench/README.md).
    Per image, in 16 runspaces at once: create the job, ask about it every second until it ends,
    download its video. It prints one JSON line with its own wall time (PowerShell's start left out).
#>
param(
    [Parameter(Mandatory)] [string] $Endpoint,
    [Parameter(Mandatory)] [string] $ApiKey,
    [Parameter(Mandatory)] [string] $Images,
    [Parameter(Mandatory)] [string] $OutputDirectory,
    [int] $ThrottleLimit = 16,
    [double] $PollSeconds = 1
)

$ErrorActionPreference = 'Stop'
$base = $Endpoint.TrimEnd('/')
$headers = @{ Authorization = "Bearer $ApiKey" }
$files = Get-ChildItem -Path $Images -Filter *.png | Sort-Object Name
$watch = [Diagnostics.Stopwatch]::StartNew()

$results = $files | ForEach-Object -ThrottleLimit $ThrottleLimit -Parallel {
    $base = $using:base
    $headers = $using:headers
    try {
        $body = @{
            model = 'vidu/vidu-q3/image-to-video'
            args  = @{
                mode   = 'pro'
                prompt = 'a slow pan across the scene'
                image  = [Convert]::ToBase64String([IO.File]::ReadAllBytes($_.FullName))
            }
        } | ConvertTo-Json -Depth 5
        $created = Invoke-RestMethod -Method Post -Uri "$base/api/v1/job/create" -Headers $headers -ContentType 'application/json' -Body $body
        $id = $created.data.job_id
        do {
            Start-Sleep -Seconds $using:PollSeconds
            $job = Invoke-RestMethod -Uri "$base/api/v1/job/query?id=$id" -Headers $headers
        } while ($job.data.status -lt 2)

        if ($job.data.status -eq 2) {
            $target = Join-Path $using:OutputDirectory "$($_.BaseName)-$id.mp4"
            Invoke-WebRequest -Uri $job.data.result.images[0].url -OutFile $target
            'saved'
        }
        else {
            'failed'
        }
    }
    catch {
        'error'
    }
}

$watch.Stop()
[pscustomobject]@{
    seconds = $watch.Elapsed.TotalSeconds
    saved   = @($results | Where-Object { $_ -eq 'saved' }).Count
    failed  = @($results | Where-Object { $_ -ne 'saved' }).Count
} | ConvertTo-Json -Compress
