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
    TypesToProcess       = @('ShortApi.types.ps1xml')
    CmdletsToExport      = @(
        'New-ShortApiVideoJob'
        'Measure-ShortApiVideoJob'
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
        # What a gallery shows. The tags name the editions and platforms the module runs on.
        PSData = @{
            Tags         = @('ShortAPI', 'video', 'image-to-video', 'AI', 'batch',
                             'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/shortapi/ShortApi.PowerShell'
            LicenseUri   = 'https://github.com/shortapi/ShortApi.PowerShell/blob/main/LICENSE'
            ReleaseNotes = 'First release: New-, Get-, Wait-ShortApiJob and Save-ShortApiJobOutput for the five ShortAPI image-to-video models, validated and priced from the catalog, resumable through a journal, with a local emulator.'
        }
    }
}
