// Which busybox a pod's image carries, for the applets' banners and formats.

import type { ImageInfo } from '../../../sim/apps/images';
import { BUSYBOX_128_BANNER, BUSYBOX_136_BANNER } from '../../../sim/dns';

export function isBusybox128(image: ImageInfo): boolean {
  return image.userland === 'busybox' && (image.appVersion ?? '').startsWith('1.28');
}

/** The `BusyBox v1.xx (date) multi-call binary.` line of the image's busybox. */
export function busyboxBanner(image: ImageInfo): string {
  return isBusybox128(image) ? BUSYBOX_128_BANNER : BUSYBOX_136_BANNER;
}

/** Whether the image's userland is busybox applets (busybox and Alpine images), not GNU/Debian tools. */
export function busyboxUserland(image: ImageInfo): boolean {
  return image.userland === 'busybox' || image.userland === 'alpine';
}
