package dev.bulwark.maritime.infra;

import java.util.Arrays;

/**
 * A uniform grid over the bounding boxes of the layer's pieces, answering "which pieces have a box
 * that meets this box?" with a few array reads instead of an R-tree descent.
 *
 * <p>Every piece is listed in each cell its box overlaps (compressed rows: {@code start[cell]} to
 * {@code start[cell + 1]} in {@code items}, ids ascending). Cells are {@code latStep} degrees high
 * and {@code lonStep} wide, square in metres at the layer's middle latitude. A piece whose box
 * would span more than {@link #MAX_CELLS_PER_PIECE} cells (a huge area, a segment across a sea) is
 * kept aside and tested on every query instead, so one such piece cannot blow up the grid; the grid
 * as a whole is capped at {@link #MAX_CELLS} cells by widening the cells. Answers are exactly the
 * pieces whose closed box intersects the query's closed box (as JTS's STRtree answers), sorted by
 * id, which groups them by asset since ids are handed out asset by asset. Immutable, thread-safe.
 */
final class PieceGrid {

  /** Upper bound on grid cells (16 MB of row starts). */
  static final int MAX_CELLS = 4_000_000;

  /** Pieces whose box covers more cells than this are tested on every query instead. */
  static final int MAX_CELLS_PER_PIECE = 1024;

  /** Per piece: min lat, max lat, min lon, max lon. */
  private final double[] boxes;

  private final double minLat;
  private final double minLon;
  private final double latStep;
  private final double lonStep;
  private final int rows;
  private final int cols;
  private final int[] start;
  private final int[] items;
  private final int[] oversized;

  /** Per piece: the grid row and column of its box's lower corner (to take it once per query). */
  private final int[] firstRow;

  private final int[] firstCol;

  /**
   * Builds the grid.
   *
   * @param boxes per piece: min lat, max lat, min lon, max lon
   * @param targetStepDeg wanted cell height in degrees of latitude (widened if the grid would be
   *     too large)
   */
  PieceGrid(double[] boxes, double targetStepDeg) {
    this.boxes = boxes;
    int n = boxes.length / 4;
    Layout g = Layout.of(boxes, n, targetStepDeg);
    this.minLat = g.minLat();
    this.minLon = g.minLon();
    this.latStep = g.latStep();
    this.lonStep = g.lonStep();
    this.rows = g.rows();
    this.cols = g.cols();
    this.firstRow = new int[n];
    this.firstCol = new int[n];
    int[] counts = new int[rows * cols + 1];
    int big = countCells(n, counts);
    for (int k = 1; k < counts.length; k++) {
      counts[k] += counts[k - 1];
    }
    this.start = counts;
    this.items = new int[counts[counts.length - 1]];
    this.oversized = new int[big];
    fillCells(n);
  }

  /** The grid's origin, cell size and dimensions. */
  private record Layout(
      double minLat, double minLon, double latStep, double lonStep, int rows, int cols) {

    /** Covers every box; cells as near {@code targetStepDeg} as the cell budget allows. */
    static Layout of(double[] boxes, int n, double targetStepDeg) {
      double loLat = Double.POSITIVE_INFINITY;
      double hiLat = Double.NEGATIVE_INFINITY;
      double loLon = Double.POSITIVE_INFINITY;
      double hiLon = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        loLat = Math.min(loLat, boxes[4 * i]);
        hiLat = Math.max(hiLat, boxes[4 * i + 1]);
        loLon = Math.min(loLon, boxes[4 * i + 2]);
        hiLon = Math.max(hiLon, boxes[4 * i + 3]);
      }
      if (n == 0) {
        loLat = hiLat = loLon = hiLon = 0;
      }
      double midLat = (loLat + hiLat) / 2;
      double widen = 1 / Math.max(0.2, Math.cos(Math.toRadians(midLat)));
      double step = targetStepDeg;
      int r;
      int c;
      while (true) {
        r = (int) Math.min(Integer.MAX_VALUE / 2, Math.floor((hiLat - loLat) / step) + 1);
        c = (int) Math.min(Integer.MAX_VALUE / 2, Math.floor((hiLon - loLon) / (step * widen)) + 1);
        if ((long) r * c <= MAX_CELLS) {
          break;
        }
        step *= 2;
      }
      return new Layout(loLat, loLon, step, step * widen, r, c);
    }
  }

  /**
   * First pass: each piece's first cell, and how many pieces each cell holds ({@code counts[cell +
   * 1]}); returns the number of pieces too big for the cells.
   */
  private int countCells(int n, int[] counts) {
    int big = 0;
    for (int i = 0; i < n; i++) {
      firstRow[i] = row(boxes[4 * i]);
      firstCol[i] = col(boxes[4 * i + 2]);
      int r0 = row(boxes[4 * i]);
      int r1 = row(boxes[4 * i + 1]);
      int c0 = col(boxes[4 * i + 2]);
      int c1 = col(boxes[4 * i + 3]);
      if ((long) (r1 - r0 + 1) * (c1 - c0 + 1) > MAX_CELLS_PER_PIECE) {
        big++;
        continue;
      }
      for (int y = r0; y <= r1; y++) {
        for (int x = c0; x <= c1; x++) {
          counts[y * cols + x + 1]++;
        }
      }
    }
    return big;
  }

  /** Second pass: the pieces of each cell, and the oversized ones. */
  private void fillCells(int n) {
    int[] fill = Arrays.copyOf(start, start.length - 1);
    int big = 0;
    // Pieces in id order, so each cell's list comes out ascending.
    for (int i = 0; i < n; i++) {
      int r0 = row(boxes[4 * i]);
      int r1 = row(boxes[4 * i + 1]);
      int c0 = col(boxes[4 * i + 2]);
      int c1 = col(boxes[4 * i + 3]);
      if ((long) (r1 - r0 + 1) * (c1 - c0 + 1) > MAX_CELLS_PER_PIECE) {
        oversized[big++] = i;
        continue;
      }
      for (int y = r0; y <= r1; y++) {
        for (int x = c0; x <= c1; x++) {
          items[fill[y * cols + x]++] = i;
        }
      }
    }
  }

  private int row(double lat) {
    double f = Math.floor((lat - minLat) / latStep);
    return f < 0 ? 0 : f >= rows ? rows - 1 : (int) f;
  }

  private int col(double lon) {
    double f = Math.floor((lon - minLon) / lonStep);
    return f < 0 ? 0 : f >= cols ? cols - 1 : (int) f;
  }

  /** Number of grid cells (for tests and memory accounting). */
  int cellCount() {
    return rows * cols;
  }

  /** Number of pieces kept out of the grid and tested on every query. */
  int oversizedCount() {
    return oversized.length;
  }

  /**
   * Ids of the pieces whose box intersects the closed box [minLat, maxLat] x [minLon, maxLon],
   * ascending, each once.
   */
  int[] query(double qMinLat, double qMaxLat, double qMinLon, double qMaxLon) {
    int[] out = new int[16];
    int n = 0;
    if (start.length > 1 && items.length > 0) {
      int r0 = row(qMinLat);
      int r1 = row(qMaxLat);
      int c0 = col(qMinLon);
      int c1 = col(qMaxLon);
      for (int y = r0; y <= r1; y++) {
        for (int x = c0; x <= c1; x++) {
          int cell = y * cols + x;
          for (int k = start[cell], end = start[cell + 1]; k < end; k++) {
            int id = items[k];
            // A piece spanning several cells is taken only in the first visited cell that holds it:
            // the one where its box and the query box start to overlap. Tested first: it is cheaper
            // than the box test and, both being plain filters, the order changes nothing else.
            if ((y != r0 && firstRow[id] != y) || (x != c0 && firstCol[id] != x)) {
              continue;
            }
            int b = 4 * id;
            if (qMaxLat < boxes[b]
                || qMinLat > boxes[b + 1]
                || qMaxLon < boxes[b + 2]
                || qMinLon > boxes[b + 3]) {
              continue;
            }
            if (n == out.length) {
              out = Arrays.copyOf(out, n * 2);
            }
            out[n++] = id;
          }
        }
      }
    }
    for (int id : oversized) {
      int b = 4 * id;
      if (qMaxLat < boxes[b]
          || qMinLat > boxes[b + 1]
          || qMaxLon < boxes[b + 2]
          || qMinLon > boxes[b + 3]) {
        continue;
      }
      if (n == out.length) {
        out = Arrays.copyOf(out, n * 2);
      }
      out[n++] = id;
    }
    out = Arrays.copyOf(out, n);
    Arrays.sort(out);
    return out;
  }
}
