// In place of "hide unchanged regions" (folding away the lines a diff doesn't touch): the review
// shows each file whole, and api.js keeps `hideUnchangedRegions` off. The diff editor always builds
// the feature and reads its view zones, so this one has none.
import { constObservable } from "monaco-editor/base/common/observableInternal/observables/constObservable";

export class HideUnchangedRegionsFeature {
  static setBreadcrumbsSourceFactory() {}
  constructor() {
    this.viewZones = constObservable({ origViewZones: [], modViewZones: [] });
    this.isUpdatingHiddenAreas = false;
  }
  dispose() {}
}
