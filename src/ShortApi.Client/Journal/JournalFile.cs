using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using ShortApi.Errors;

namespace ShortApi.Journal
{
    /// <summary>
    /// The journal's file on disk. Every write happens with the file opened exclusively, so
    /// writers in other processes take turns instead of interleaving or overwriting lines (a plain
    /// append is not enough: .NET writes at its own offset on Unix, not with O_APPEND).
    /// </summary>
    internal sealed class JournalFile
    {
        private static readonly TimeSpan LockPatience = TimeSpan.FromSeconds(30);

        public JournalFile(string path)
        {
            Path = path;
        }

        public string Path { get; }

        /// <summary>
        /// Runs <paramref name="action"/> with the file open for exclusive read and write. Only the
        /// opening waits for other writers; the action runs once, and its I/O failure (a full disk)
        /// is the journal's error, never a reason to write the same record again.
        /// </summary>
        public T Exclusive<T>(Func<FileStream, T> action)
        {
            using var stream = WithRetry(() =>
            {
                EnsureFolder();
                return new FileStream(Path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            });
            try
            {
                return action(stream);
            }
            catch (IOException ex)
            {
                throw Unusable(ex);
            }
            catch (UnauthorizedAccessException ex)
            {
                throw Unusable(ex);
            }
        }

        /// <summary>The journal's folder is made on the first write, so merely opening a journal (or -WhatIf) leaves no trace.</summary>
        private void EnsureFolder()
        {
            string? folder = System.IO.Path.GetDirectoryName(Path);
            if (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        /// <summary>Reads the complete lines from <paramref name="offset"/> on, and whether an unfinished line follows them.</summary>
        public (List<byte[]> Lines, long NextOffset, bool PartialTail) ReadShared(long offset)
        {
            if (!File.Exists(Path))
            {
                return (new List<byte[]>(), 0, false);
            }

            return WithRetry(() =>
            {
                using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024, FileOptions.SequentialScan);
                return ReadLines(stream, offset, terminateTorn: false);
            });
        }

        /// <summary>
        /// Reads complete lines from <paramref name="offset"/>. With <paramref name="terminateTorn"/>
        /// (only under the exclusive lock, where nobody is mid-write) a last line without its newline
        /// is a torn write from a process that died: it is ended with a newline so the next record
        /// starts on a line of its own, and skipped.
        /// </summary>
        public static (List<byte[]> Lines, long NextOffset, bool PartialTail) ReadLines(FileStream stream, long offset, bool terminateTorn)
        {
            var lines = new List<byte[]>();
            long length = stream.Length;
            if (offset >= length)
            {
                return (lines, offset, false);
            }

            stream.Seek(offset, SeekOrigin.Begin);
            var pending = new MemoryStream();
            var buffer = new byte[64 * 1024];
            long consumed = offset;
            long position = offset;
            int n;
            while (position < length && (n = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, length - position))) > 0)
            {
                int start = 0;
                for (int i = 0; i < n; i++)
                {
                    if (buffer[i] == (byte)'\n')
                    {
                        pending.Write(buffer, start, i - start);
                        lines.Add(pending.ToArray());
                        pending.SetLength(0);
                        start = i + 1;
                        consumed = position + i + 1;
                    }
                }

                pending.Write(buffer, start, n - start);
                position += n;
            }

            if (terminateTorn && pending.Length > 0)
            {
                stream.Seek(0, SeekOrigin.End);
                stream.WriteByte((byte)'\n');
                stream.Flush();
                lines.Add(pending.ToArray());
                consumed = stream.Length;
                return (lines, consumed, false);
            }

            // Left unread: a reader cannot tell a torn line from one being written, so it looks again next time.
            return (lines, consumed, pending.Length > 0);
        }

        private T WithRetry<T>(Func<T> action)
        {
            var deadline = DateTime.UtcNow + LockPatience;
            var random = new Random();
            while (true)
            {
                try
                {
                    return action();
                }
                catch (IOException ex) when (IsContention(ex) && DateTime.UtcNow < deadline)
                {
                    Thread.Sleep(2 + random.Next(15));
                }
                catch (IOException ex)
                {
                    throw Unusable(ex);
                }
                catch (UnauthorizedAccessException ex)
                {
                    throw Unusable(ex);
                }
            }
        }

        private ShortApiException Unusable(Exception ex) =>
            new ShortApiException(ShortApiErrorReason.JournalError, $"The journal {Path} cannot be used: {ex.Message}", ex) { Target = Path };

        private static bool IsContention(IOException ex) =>
            !(ex is FileNotFoundException) && !(ex is DirectoryNotFoundException) && !(ex is PathTooLongException) && !(ex is EndOfStreamException);
    }
}
