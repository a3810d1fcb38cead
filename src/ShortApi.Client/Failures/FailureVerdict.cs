namespace ShortApi.Failures
{
    /// <summary>What to do after a failed attempt.</summary>
    public enum FailureVerdict
    {
        /// <summary>Try again after a pause: the failure is passing, and repeating is safe.</summary>
        Retry,
        /// <summary>This one item has failed; the rest of the batch goes on.</summary>
        GiveUp,
        /// <summary>A create went out in full and no clear answer came: it may exist and be charged, so it is never repeated by itself.</summary>
        OutcomeUnknown,
        /// <summary>Every other request would fail the same way (a refused key, an empty balance): stop the whole batch.</summary>
        StopEverything,
    }
}
