namespace ShortApi.Emulator.Faults
{
    /// <summary>The emulator's three endpoints, for aiming a fault at one.</summary>
    public enum EmulatorRoute
    {
        Create,
        Query,
        Download,
    }
}
