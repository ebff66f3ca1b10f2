// Validates deploy/kubernetes against the Kubernetes API's schemas (kubernetes-models) and checks what the router
// needs of them. Run by deploy/check.sh with NODE_PATH pointing at kubernetes-models and js-yaml.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(path.join(process.env.NODE_PATH ?? ".", "noop.js"));
const yaml = require("js-yaml");
const models = {
  "v1/Namespace": require("kubernetes-models/v1/Namespace").Namespace,
  "v1/ServiceAccount": require("kubernetes-models/v1/ServiceAccount").ServiceAccount,
  "v1/Secret": require("kubernetes-models/v1/Secret").Secret,
  "v1/Service": require("kubernetes-models/v1/Service").Service,
  "apps/v1/Deployment": require("kubernetes-models/apps/v1/Deployment").Deployment,
  "apps/v1/StatefulSet": require("kubernetes-models/apps/v1/StatefulSet").StatefulSet,
  "policy/v1/PodDisruptionBudget": require("kubernetes-models/policy/v1/PodDisruptionBudget").PodDisruptionBudget,
  "rbac.authorization.k8s.io/v1/Role": require("kubernetes-models/rbac.authorization.k8s.io/v1/Role").Role,
  "rbac.authorization.k8s.io/v1/RoleBinding": require("kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding").RoleBinding,
};

const dir = process.argv[2];
const failures = [];
const fail = (message) => failures.push(message);
const kustomization = yaml.load(readFileSync(path.join(dir, "kustomization.yaml"), "utf8"));
const objects = [];
for (const file of kustomization.resources) {
  for (const document of yaml.loadAll(readFileSync(path.join(dir, file), "utf8"))) {
    const key = `${document.apiVersion}/${document.kind}`;
    const Model = models[key];
    if (!Model) {
      fail(`${file}: ${key} has no schema here`);
      continue;
    }
    try {
      new Model(document).validate();
    } catch (error) {
      fail(`${file}: ${key} ${document.metadata?.name}: ${error.message}`);
    }
    objects.push({ file, key, document });
  }
}

const find = (key, name) => objects.find((o) => o.key === key && o.document.metadata.name === name)?.document;
const deployment = find("apps/v1/Deployment", "routing-server");
if (!deployment) {
  fail("no Deployment routing-server");
} else {
  const pod = deployment.spec.template;
  const container = pod.spec.containers[0];
  const env = Object.fromEntries((container.env ?? []).map((e) => [e.name, e]));
  for (const label of ["orleans/serviceId", "orleans/clusterId"]) {
    if (!pod.metadata.labels[label]) fail(`the pod template lacks the label ${label}`);
  }
  if (pod.metadata.labels["orleans/serviceId"] !== env.Routing__Server__ServiceId?.value) fail("orleans/serviceId differs from Routing__Server__ServiceId");
  if (pod.metadata.labels["orleans/clusterId"] !== env.Routing__Server__ClusterId?.value) fail("orleans/clusterId differs from Routing__Server__ClusterId");
  for (const [name, field] of [["POD_NAME", "metadata.name"], ["POD_NAMESPACE", "metadata.namespace"], ["POD_IP", "status.podIP"]]) {
    if (env[name]?.valueFrom?.fieldRef?.fieldPath !== field) fail(`${name} is not taken from the downward API's ${field}`);
  }
  if (env.Routing__Server__KubernetesHosting?.value !== "true") fail("Routing__Server__KubernetesHosting is not on");
  if (container.readinessProbe?.grpc?.port !== 50051 || container.readinessProbe.grpc.service !== "") fail("the readiness probe is not grpc on 50051, service \"\"");
  if (container.livenessProbe?.grpc?.port !== 50051 || container.livenessProbe.grpc.service !== "liveness") fail("the liveness probe is not grpc on 50051, service liveness");
  const shutdown = env.Routing__Server__ShutdownTimeout?.value.split(":").reduce((total, part) => total * 60 + Number(part), 0);
  if (!(pod.spec.terminationGracePeriodSeconds > shutdown)) fail("terminationGracePeriodSeconds is not longer than Routing__Server__ShutdownTimeout");
  if (pod.spec.securityContext?.runAsNonRoot !== true) fail("the pod may run as root");
  const account = pod.spec.serviceAccountName;
  const binding = objects.find((o) => o.key === "rbac.authorization.k8s.io/v1/RoleBinding" && o.document.subjects.some((s) => s.name === account))?.document;
  const role = binding && find("rbac.authorization.k8s.io/v1/Role", binding.roleRef.name);
  const verbs = new Set(role?.rules.filter((r) => r.resources.includes("pods")).flatMap((r) => r.verbs) ?? []);
  for (const verb of ["get", "list", "watch", "patch", "delete"]) {
    if (!verbs.has(verb)) fail(`the service account ${account} may not ${verb} pods`);
  }
  const secret = find("v1/Secret", container.envFrom?.[0]?.secretRef?.name);
  for (const key of ["Routing__Auth__SigningKey", "Routing__Storage__PostgreSql__ConnectionString"]) {
    if (!secret?.stringData?.[key]) fail(`the Secret lacks ${key}`);
  }
  const selects = (o) => Object.entries(o).every(([k, v]) => pod.metadata.labels[k] === v);
  if (!objects.some((o) => o.key === "v1/Service" && selects(o.document.spec.selector) && o.document.spec.ports.some((p) => p.port === 50051))) fail("no Service for gRPC selects the router pods");
  if (!objects.some((o) => o.key === "policy/v1/PodDisruptionBudget" && selects(o.document.spec.selector.matchLabels))) fail("no PodDisruptionBudget selects the router pods");
}

if (failures.length > 0) {
  for (const message of failures) console.error(`kubernetes: ${message}`);
  process.exit(1);
}
console.log(`kubernetes: ${objects.length} objects valid against the API schemas, and the router's needs met`);
