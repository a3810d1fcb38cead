using Xunit;

// The module's connection, its session emulator and $env:SHORTAPI_* are process-wide: one test at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
