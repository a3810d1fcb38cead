@{
    # The one place the module's version lives: Directory.Build.props reads it from here and
    # stamps it into every assembly, so the manifest and the DLLs can never disagree.
    ModuleVersion        = '0.1.0'
    GUID                 = '5b0f3c52-4d7e-4f5e-9a47-2f6d1c8e7a31'
    Author               = 'ShortApi'
    CompanyName          = 'ShortApi'
    Copyright            = '(c) ShortApi. MIT License.'
    Description          = 'Turn still images into videos with ShortAPI image-to-video models: validated, budgeted, resumable batch jobs.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    RootModule           = 'ShortApi.PowerShell.dll'
    FormatsToProcess     = @('ShortApi.format.ps1xml')
    CmdletsToExport      = @(
        'New-ShortApiVideoJob'
        'Get-ShortApiJob'
        'Wait-ShortApiJob'
        'Save-ShortApiJobOutput'
        'Get-ShortApiModel'
        'Connect-ShortApi'
        'Disconnect-ShortApi'
        'Start-ShortApiEmulator'
        'Stop-ShortApiEmulator'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags = @('ShortAPI', 'video', 'image-to-video', 'AI', 'batch')
        }
    }
}
