using System.Management.Automation;

namespace ShortApi.PowerShell.Binding
{
    /// <summary>
    /// An empty or blank value means "not given": a CSV row with an empty Duration cell binds no
    /// duration (PowerShell would otherwise turn "" into 0) and an empty Resolution cell no resolution.
    /// </summary>
    public sealed class NotGivenWhenEmptyAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            return value is string text && text.Trim().Length == 0 ? null : inputData;
        }
    }
}
