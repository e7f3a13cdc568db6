import CGLPK

/// The GLPK library the linear programs run on (issue 3 builds the solver API on it).
public enum LinearProgramming {
  /// GLPK's version string, as the library reports it (`glp_version`).
  public static var glpkVersion: String { String(cString: glp_version()) }
}
