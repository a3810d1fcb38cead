using System.Management.Automation;
using System.Security;

namespace ShortApi.PowerShell.Binding
{
    /// <summary>
    /// Lets a SecureString parameter also take plain text (a key copied from a variable or a
    /// vault), converting it as it binds, so the key is held as a SecureString from then on and the
    /// binder never echoes it in a conversion error.
    /// </summary>
    public sealed class SecureStringTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (!(value is string text))
            {
                return value;
            }

            var secure = new SecureString();
            foreach (char c in text.Trim())
            {
                secure.AppendChar(c);
            }

            secure.MakeReadOnly();
            return secure;
        }
    }
}
