"""Exports to object storage: the client may name its own storage endpoint, which makes the
server talk to any host."""
import boto3
from azure.storage.blob import BlobClient
from flask import Blueprint, request

storage = Blueprint("storage", __name__)


@storage.post("/exports/s3")
def export_s3():
    cfg = request.get_json()
    s3 = boto3.client("s3", endpoint_url=cfg.get("endpoint"))  # expect: WH401
    s3.put_object(Bucket=cfg["bucket"], Key="export.csv", Body=b"...")
    return "", 202


@storage.post("/exports/azure")
def export_azure():
    blob = BlobClient.from_blob_url(request.form["sas_url"])  # expect: WH401
    blob.upload_blob(b"...")
    return "", 202


@storage.post("/exports/s3-default")
def export_s3_default():  # safe: WH401
    s3 = boto3.client("s3", region_name=request.form.get("region", "eu-west-1"))
    s3.put_object(Bucket="exports", Key="export.csv", Body=b"...")
    return "", 202
