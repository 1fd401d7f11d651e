namespace Hotline.Ledger.Benchmarks.City;

/// <summary>
/// Time-ordered ids (the layout of UUIDv7) whose random part comes from the city's seeded generator,
/// so that the same seed gives the same ids, and ids still arrive in roughly ascending order as the
/// API's <c>Guid.CreateVersion7()</c> ones do (which keeps primary-key inserts local).
/// </summary>
public static class SeededIds
{
    public static Guid Next(Random rng, DateTimeOffset at)
    {
        Span<byte> bytes = stackalloc byte[16];
        rng.NextBytes(bytes);
        var ms = at.ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++) bytes[i] = (byte)(ms >> (8 * (5 - i)));
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }
}
