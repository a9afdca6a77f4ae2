// The console's base map: Leaflet (the global L, served by the node from its webjar) on the Baltic
// and the eastern flank, without tiles (nothing is fetched from elsewhere): a graticule every degree
// on a dark background. Used by the Register page; the maritime page draws the same base itself.
export function baseMap(elementId) {
  const map = L.map(elementId, { zoomSnap: 0.25, attributionControl: false, worldCopyJump: false })
    .setView([57.5, 22], 5);
  const grid = L.layerGroup().addTo(map);
  for (let lat = 50; lat <= 70; lat++) {
    L.polyline([[lat, -5], [lat, 40]], { color: '#1c2a40', weight: lat % 5 === 0 ? 1.5 : 0.7, interactive: false }).addTo(grid);
  }
  for (let lon = -5; lon <= 40; lon++) {
    L.polyline([[50, lon], [70, lon]], { color: '#1c2a40', weight: lon % 5 === 0 ? 1.5 : 0.7, interactive: false }).addTo(grid);
  }
  return map;
}
