using System;
using ShortApi.Catalog;
using ShortApi.Journal;

namespace ShortApi.Jobs.Lengths
{
    /// <summary>
    /// Brings what is known before a job runs into <see cref="JobLengths"/>: the journal it belongs
    /// to (earlier runs' finished jobs) and its model's typical length from the catalog.
    /// </summary>
    internal sealed class LengthSources
    {
        private readonly JobLengths _lengths;
        private readonly ModelCatalog _catalog;
        private readonly string _endpoint;

        public LengthSources(JobLengths lengths, ModelCatalog catalog, Uri endpoint)
        {
            _lengths = lengths;
            _catalog = catalog;
            _endpoint = endpoint.AbsoluteUri;
        }

        public void Consider(VideoJob job, string key, JobJournal? journal)
        {
            if (journal != null)
            {
                _lengths.SeedOnce(journal, _endpoint);
            }

            var typical = _catalog.Find(job.Model)?.TypicalLength;
            if (typical.HasValue)
            {
                _lengths.SetPrior(key, typical.Value);
            }
        }
    }
}
