import type { OcpiVersion } from '../../common/protocol/version';
import { compilePath, type PathTemplate } from './path-template';
import type { ServedOperation, VersionService } from './version-service';

/** The operations of one module interface, served below one endpoint URL of ours. */
export interface InterfaceRoute {
  readonly service: VersionService;
  readonly module: string;
  readonly interfaceName: string;
  /** Our URL of the interface: `{baseUrl}/{version}/{interface}/{module}`. */
  readonly url: string;
  readonly operations: readonly { served: ServedOperation; template: PathTemplate }[];
}

/** Every interface route of the handler, by `version/interface/module`. */
export type ModuleRoutes = ReadonlyMap<string, InterfaceRoute>;

/**
 * The interface routes of every version served. Each interface gets an endpoint of its own,
 * `{baseUrl}/{version}/{interface}/{module}` (`sender`/`receiver` in 2.2.1, `cpo`/`emsp` in 2.1.1), so a
 * platform serving both interfaces of a module (a hub) has two URLs, as its version details list them.
 */
export function moduleRoutes(baseUrl: string, services: readonly VersionService[]): ModuleRoutes {
  const routes = new Map<string, InterfaceRoute>();
  for (const service of services) {
    for (const served of service.operations) {
      const key = routeKey(service.version, served.interfaceName, served.module);
      let route = routes.get(key);
      if (route === undefined) {
        route = {
          service,
          module: served.module,
          interfaceName: served.interfaceName,
          url: `${baseUrl}/${key}`,
          operations: [],
        };
        routes.set(key, route);
      }
      (route.operations as { served: ServedOperation; template: PathTemplate }[]).push({
        served,
        template: compilePath(served.operation.path),
      });
    }
  }
  return routes;
}

/** The key (and URL path below the base) of an interface route: `2.2.1/sender/locations`. */
export function routeKey(version: OcpiVersion, interfaceName: string, module: string): string {
  return `${version}/${interfaceName}/${module}`;
}

/** A version's module endpoints as its version details list them (credentials aside). */
export function endpointsOf(routes: ModuleRoutes, version: OcpiVersion) {
  const endpoints: { identifier: string; role?: 'SENDER' | 'RECEIVER'; url: string }[] = [];
  for (const route of routes.values()) {
    if (route.service.version !== version) continue;
    const role = route.service.endpointRole(route.interfaceName);
    if (role === undefined && endpoints.some((endpoint) => endpoint.identifier === route.module)) {
      // 2.1.1 lists a module once: a platform is the CPO or the eMSP of it, not both.
      throw new TypeError(`createOcpiHandler: 2.1.1 serves one interface of ${route.module}, not both`);
    }
    endpoints.push({ identifier: route.module, ...(role && { role }), url: route.url });
  }
  return endpoints;
}
