package dev.bulwark.maritime.detect;

/** Holds the slot the engine gave the detector. */
abstract class BaseDetector implements Detector {
  protected int slot = -1;

  @Override
  public final void attach(int slot) {
    this.slot = slot;
  }
}
