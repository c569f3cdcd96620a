// Allocator settings for training: keep freed activation buffers instead of returning them.
#if canImport(Glibc)
  import Glibc
#endif

/// glibc's malloc gives large blocks back to the kernel as soon as they are freed (its
/// trim and mmap thresholds adapt only up to 32 MiB), so every training step would fault
/// its ~100 MB of activations back in page by page (~8% of a LeNet5 step in `perf`).
/// Raising the trim threshold keeps them in the heap, as PyTorch's caching allocator
/// does; memory stays bounded by the largest step.
enum MemoryTuning {
  /// Applied once, on the first training step; false where glibc's `mallopt` is absent.
  static let applied: Bool = {
    #if canImport(Glibc)
      // `mallopt` lives in <malloc.h>, which the Glibc module does not export.
      guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else {
        return false
      }
      typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
      let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
      // M_TRIM_THRESHOLD and M_MMAP_THRESHOLD from <malloc.h>.
      let (trimThreshold, mmapThreshold): (Int32, Int32) = (-1, -3)
      // 32 MiB is glibc's largest mmap threshold; blocks below it come from the heap.
      return mallopt(mmapThreshold, 32 << 20) == 1 && mallopt(trimThreshold, 1 << 30) == 1
    #else
      return false
    #endif
  }()
}
