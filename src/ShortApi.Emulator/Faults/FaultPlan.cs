using System.Collections.Concurrent;
using System.Collections.Generic;

namespace ShortApi.Emulator.Faults
{
    /// <summary>Scripted faults, taken in order by the next requests to each route. Thread-safe.</summary>
    public sealed class FaultPlan
    {
        private readonly Dictionary<EmulatorRoute, ConcurrentQueue<EmulatorFault>> _queues = new Dictionary<EmulatorRoute, ConcurrentQueue<EmulatorFault>>
        {
            [EmulatorRoute.Create] = new ConcurrentQueue<EmulatorFault>(),
            [EmulatorRoute.Query] = new ConcurrentQueue<EmulatorFault>(),
            [EmulatorRoute.Download] = new ConcurrentQueue<EmulatorFault>(),
        };

        /// <summary>The next requests to <paramref name="route"/> meet these faults, one each.</summary>
        public void Enqueue(EmulatorRoute route, params EmulatorFault[] faults)
        {
            foreach (var fault in faults)
            {
                _queues[route].Enqueue(fault);
            }
        }

        public int Pending(EmulatorRoute route) => _queues[route].Count;

        internal EmulatorFault? Take(EmulatorRoute route) => _queues[route].TryDequeue(out var fault) && fault.Kind != "pass" ? fault : null;
    }
}
