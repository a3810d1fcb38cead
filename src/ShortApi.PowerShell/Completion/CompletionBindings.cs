using System.Collections;
using System.Management.Automation;
using ShortApi.PowerShell.Binding;

namespace ShortApi.PowerShell.Completion
{
    /// <summary>
    /// The parameters a command line has bound as completion sees them: what the line gives
    /// (fakeBoundParameters), else what $PSDefaultParameterValues would give when the command runs.
    /// Values come back plain: unwrapped, a switch as true or false.
    /// </summary>
    internal sealed class CompletionBindings
    {
        private readonly string _commandName;
        private readonly IDictionary? _onTheLine;

        public CompletionBindings(string commandName, IDictionary? fakeBoundParameters)
        {
            _commandName = commandName;
            _onTheLine = fakeBoundParameters;
        }

        public object? Value(string parameter)
        {
            object? value = _onTheLine != null && _onTheLine.Contains(parameter)
                ? _onTheLine[parameter]
                : DefaultParameterValues.Find(_commandName, parameter);
            value = PSObjectUnwrapper.Unwrap(value);
            return value is SwitchParameter flag ? flag.IsPresent : value;
        }

        public string? Text(string parameter) => Value(parameter) is string text && text.Length > 0 ? text : null;
    }
}
