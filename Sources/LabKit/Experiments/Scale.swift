/// How big a run is.
///
/// Every experiment gives its parameters a default for each scale: `smoke` finishes in seconds and is
/// what the tests run; `standard` is what is committed (the whole `reproduce` finishes within a few
/// minutes on 2 cores); `paper` uses the sizes of the source text or its original code.
public enum Scale: String, Sendable, CaseIterable, Comparable {
  case smoke, standard, paper

  public static func < (a: Scale, b: Scale) -> Bool {
    allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
  }
}
