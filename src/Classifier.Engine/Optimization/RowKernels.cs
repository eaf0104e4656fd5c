using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Classifier.Engine.Optimization;

/// <summary>
/// The two inner loops of every linear trainer, over one feature's block of class weights. Blocks are padded to a
/// multiple of 4 (<see cref="Stride"/>) so that 3–8 classes take one or two 128-bit multiply-adds per non-zero
/// instead of a scalar loop with bounds checks; the padding lanes stay zero.
/// </summary>
internal static class RowKernels
{
    /// <summary>Class count rounded up to a multiple of 4.</summary>
    public static int Stride(int classCount) => (classCount + 3) & ~3;

    /// <summary>acc[0..stride) += x · block, block = weights[offset..offset+stride).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddScaled(Span<float> acc, ReadOnlySpan<float> weights, int offset, float x, int stride)
    {
        ref float a = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(acc);
        ref float w = ref Unsafe.Add(ref System.Runtime.InteropServices.MemoryMarshal.GetReference(weights), offset);
        var vx = Vector128.Create(x);
        for (int c = 0; c < stride; c += 4)
        {
            var sum = Vector128.LoadUnsafe(ref a, (nuint)c) + Vector128.LoadUnsafe(ref w, (nuint)c) * vx;
            sum.StoreUnsafe(ref a, (nuint)c);
        }
    }

    /// <summary>target[offset..offset+stride) += x · delta.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ScatterScaled(Span<float> target, int offset, ReadOnlySpan<float> delta, float x, int stride)
    {
        ref float t = ref Unsafe.Add(ref System.Runtime.InteropServices.MemoryMarshal.GetReference(target), offset);
        ref float d = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(delta);
        var vx = Vector128.Create(x);
        for (int c = 0; c < stride; c += 4)
        {
            var sum = Vector128.LoadUnsafe(ref t, (nuint)c) + Vector128.LoadUnsafe(ref d, (nuint)c) * vx;
            sum.StoreUnsafe(ref t, (nuint)c);
        }
    }
}
