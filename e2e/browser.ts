/** How the tests and the bench launch Debian's Chromium (Playwright cannot download a browser here). */

/** Debian's chromium package. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Headless, no sandbox (root in CI), no background requests to anywhere. The GPU process runs on
 * SwiftShader (software Vulkan/GL through ANGLE) instead of `--disable-gpu`: with `--disable-gpu` Chromium
 * composites in software and reads every WebGL frame back to the CPU (150-250 ms per frame at 1400 x 900
 * here, measured with a trace: LayerTreeHost::DoUpdateLayers -> ReadPixels), which a user's browser with a
 * GPU never does. Pixels stay deterministic (the pixel tests compare exact colours).
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-gpu-rasterization',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
